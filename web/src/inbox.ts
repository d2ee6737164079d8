import './style.css';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { el } from './dom';
import { dateTime, statusText, t, translatePage } from './i18n';
import { OfficerPage } from './officer-page';
import { InboxFilters, type Counts } from './inbox-filters';

/** Steps a page of the inbox shows. */
const PAGE_SIZE = 20;
import { session } from './session';
import { SIGNED_RESULT_FIELDS, signedResultSection, type SignedResultView } from './signed-result';

interface TaskRow {
  id: string;
  name: string | null;
  elementId: string;
  state: 'OPEN' | 'CLAIMED';
  assignee: string | null;
  dueAt: string | null;
  overdue: boolean;
  processInstance: { id: string; businessKey: string | null };
  formFields: { name: string; type: 'BOOLEAN' | 'NUMBER' | 'TEXT' }[];
  form: { schema: unknown } | null;
}

/** What the inbox reads of each task. */
const TASK_FIELDS = `id name elementId state assignee dueAt overdue
  processInstance { id businessKey } formFields { name type } form { schema }`;

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;
// The dossier open on the page, kept in the address (/inbox#<code>) so that a link or a reload
// shows it again.
let openDossier: string | undefined = location.hash
  ? decodeURIComponent(location.hash.slice(1))
  : undefined;
// Before the first refresh below: a signed-in officer's page loads its tasks at once.
const filters = new InboxFilters(() => void loadTasks().catch(() => undefined));
const page = new OfficerPage('inbox.heading', async () => {
  await loadTasks();
  if (openDossier) await showDossier(openDossier);
  else $('#dossier').hidden = true;
});
const call = page.call.bind(page);

translatePage(() => void page.refresh());
window.addEventListener('hashchange', () => {
  openDossier = location.hash ? decodeURIComponent(location.hash.slice(1)) : undefined;
  void page.refresh();
});
void page.refresh();

async function loadTasks(): Promise<void> {
  const { myTasks, processDefinitions } = await call<{
    myTasks: {
      counts: Counts;
      edges: { node: TaskRow }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    processDefinitions: { key: string; name: string | null }[];
  }>(
    `query Inbox($filter: MyTaskFilter, $first: Int!, $after: String) {
       myTasks(filter: $filter, first: $first, after: $after) {
         counts { open claimedByMe dueToday overdue }
         pageInfo { hasNextPage endCursor }
         edges { node { ${TASK_FIELDS} } } }
       processDefinitions { key name } }`,
    { filter: filters.filter, first: PAGE_SIZE, after: filters.after ?? null },
  );
  filters.showProcedures(processDefinitions);
  filters.showCounts(myTasks.counts);
  filters.nextStartsAfter(myTasks.pageInfo.endCursor);
  filters.showPager(myTasks.pageInfo, myTasks.edges.length);
  $('#rows').replaceChildren(...myTasks.edges.map(({ node }) => taskRow(node)));
  await loadAgencyTasks(new Set(myTasks.edges.map(({ node }) => node.id)));
}

/** Leaders also see their agency's steps waiting elsewhere, to hand them on (giao việc). */
async function loadAgencyTasks(inMyInbox: Set<string>): Promise<void> {
  const section = $('#agency');
  section.hidden = !session()?.officer.roles.includes('leader');
  if (section.hidden) return;
  const fields = `edges { node { ${TASK_FIELDS} } }`;
  const { open, claimed } = await call<{
    open: { edges: { node: TaskRow }[] };
    claimed: { edges: { node: TaskRow }[] };
  }>(
    `{ open: tasks(first: 50, filter: { state: OPEN }) { ${fields} }
       claimed: tasks(first: 50, filter: { state: CLAIMED }) { ${fields} } }`,
  );
  const others = [...open.edges, ...claimed.edges]
    .map(({ node }) => node)
    .filter((task) => !inMyInbox.has(task.id));
  $('#agency-rows').replaceChildren(...others.map(taskRow));
}

function taskRow(task: TaskRow): HTMLTableRowElement {
  const code = task.processInstance.businessKey ?? '';
  const mine = task.state === 'CLAIMED' && task.assignee === session()?.officer.username;
  const actions = el('td', { class: 'actions' });
  if (task.state === 'OPEN') {
    actions.append(
      button(t('inbox.claim'), async () => {
        await call(`mutation ($id: ID!) { claimTask(id: $id) { id } }`, { id: task.id });
        await loadTasks();
      }),
    );
  }
  if (mine) {
    actions.append(
      task.form ? button(t('inbox.fill'), () => openTaskForm(task)) : completionForm(task),
      button(t('inbox.giveBack'), async () => {
        await call(`mutation ($id: ID!) { unclaimTask(id: $id) { id } }`, { id: task.id });
        await loadTasks();
      }),
    );
  }
  const leader = session()?.officer.roles.includes('leader');
  if (leader) actions.append(assignForm(task));
  if (mine || leader) actions.append(handOnForm(task));
  actions.append(
    button(t('inbox.open.dossier'), async () => {
      openDossier = code;
      location.hash = encodeURIComponent(code);
      await showDossier(code);
    }),
  );
  return el(
    'tr',
    { class: task.overdue ? 'overdue' : '', 'data-task': task.elementId },
    el('td', {}, `${task.name ?? task.elementId}${task.assignee ? ` (${task.assignee})` : ''}`),
    el('td', {}, code),
    el('td', {}, dateTime(task.dueAt)),
    actions,
  );
}

/** A leader hands the step on to an officer of the agency (giao việc). */
function assignForm(task: TaskRow): HTMLFormElement {
  const assignee = el('input', {
    name: 'assignee',
    placeholder: t('inbox.assignee'),
    'aria-label': t('inbox.assignee'),
  });
  const form = el(
    'form',
    { class: 'assign' },
    assignee,
    el('button', { type: 'submit' }, t('inbox.assign')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void call(`mutation ($id: ID!, $to: String!) { assignTask(id: $id, assignee: $to) { id } }`, {
      id: task.id,
      to: assignee.value.trim(),
    })
      .then(() => loadTasks())
      .catch(() => undefined);
  });
  return form;
}

/** Hands the result to the citizen (trả kết quả), saying how it goes back. */
function returnForm(code: string): HTMLFormElement {
  const method = el(
    'select',
    { name: 'method', 'aria-label': t('inbox.return.method') },
    ...RETURN_METHODS.map((value) => el('option', { value }, t(`return.${value}`))),
  );
  const form = el(
    'form',
    { class: 'return' },
    method,
    el('button', { type: 'submit' }, t('inbox.return')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void call(
      `mutation ($code: String!, $method: ResultReturnMethod!) {
         returnResult(code: $code, method: $method) { code } }`,
      { code, method: method.value },
    )
      .then(() => showDossier(code))
      .catch(() => undefined);
  });
  return form;
}

const RETURN_METHODS = ['AT_DESK', 'BY_POST', 'AT_HOME', 'ONLINE'];

/** Hands the step on to another agency (chuyển xử lý), saying why. */
function handOnForm(task: TaskRow): HTMLFormElement {
  const agency = el('select', { name: 'agency', 'aria-label': t('inbox.handOn.to') });
  const reason = el('input', {
    name: 'reason',
    placeholder: t('inbox.reason'),
    'aria-label': t('inbox.reason'),
  });
  const form = el(
    'form',
    { class: 'hand-on' },
    agency,
    reason,
    el('button', { type: 'submit' }, t('inbox.handOn')),
  );
  void agencies().then((all) =>
    agency.replaceChildren(...all.map((a) => el('option', { value: a.code }, a.name))),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void call(
      `mutation ($id: ID!, $agency: String!, $reason: String!) {
         handOnTask(id: $id, agency: $agency, reason: $reason) { id } }`,
      { id: task.id, agency: agency.value, reason: reason.value.trim() },
    )
      .then(() => page.refresh())
      .catch(() => undefined);
  });
  return form;
}

let knownAgencies: Promise<{ code: string; name: string }[]> | undefined;
function agencies(): Promise<{ code: string; name: string }[]> {
  knownAgencies ??= call<{ agencies: { code: string; name: string }[] }>(
    '{ agencies { code name } }',
  ).then((data) => data.agencies);
  return knownAgencies;
}

/** The step's form-js form, filled with what the dossier holds; completing sends its data. */
async function openTaskForm(task: TaskRow): Promise<void> {
  const { processInstance } = await call<{
    processInstance: { variables: Record<string, unknown> } | null;
  }>(`query ($id: ID!) { processInstance(id: $id) { variables } }`, {
    id: task.processInstance.id,
  });
  const { drawTaskForm } = await import('./task-form');
  const section = $('#task-form');
  await drawTaskForm(
    section,
    {
      schema: task.form!.schema,
      title: `${task.name ?? task.elementId} · ${task.processInstance.businessKey ?? ''}`,
      data: processInstance?.variables ?? {},
    },
    async (data) => {
      await call(`mutation ($id: ID!, $v: JSON) { completeTask(id: $id, variables: $v) { id } }`, {
        id: task.id,
        v: data,
      });
      await page.refresh();
    },
    () => {
      section.hidden = true;
      section.replaceChildren();
    },
  );
  section.scrollIntoView();
}

/** The fields the step asks for (from the conditions after it), then complete. */
function completionForm(task: TaskRow): HTMLFormElement {
  const form = el('form', { class: 'complete' });
  for (const field of task.formFields) {
    const input = el('input', {
      name: field.name,
      type: field.type === 'BOOLEAN' ? 'checkbox' : field.type === 'NUMBER' ? 'number' : 'text',
    });
    form.append(el('label', {}, input, ` ${fieldLabel(field.name)}`));
  }
  form.append(el('button', { type: 'submit' }, t('inbox.complete')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const variables = Object.fromEntries(
      task.formFields.map((field) => {
        const input = form.elements.namedItem(field.name) as HTMLInputElement;
        const value =
          field.type === 'BOOLEAN'
            ? input.checked
            : field.type === 'NUMBER'
              ? Number(input.value)
              : input.value;
        return [field.name, value];
      }),
    );
    await call(`mutation ($id: ID!, $v: JSON) { completeTask(id: $id, variables: $v) { id } }`, {
      id: task.id,
      v: variables,
    });
    await page.refresh();
  });
  return form;
}

function fieldLabel(name: string): string {
  try {
    return t(`field.${name}`);
  } catch {
    return name;
  }
}

function button(label: string, action: () => Promise<void>): HTMLButtonElement {
  const element = el('button', { type: 'button' }, label);
  element.addEventListener('click', () => void action().catch(() => undefined));
  return element;
}

interface DossierView {
  code: string;
  status: string;
  statusLabel: string;
  receivedAt: string;
  appointmentAt: string | null;
  late: boolean;
  applicant: { name: string };
  procedure: { name: string | null; key: string };
  components: { name: string; kind: string; count: number }[];
  forms: { number: string }[];
  signedResult: SignedResultView | null;
  processInstance: {
    definition: { bpmnXml: string };
    openTasks: { elementId: string }[];
    history: { eventType: string; elementId: string | null }[];
  };
  controlSheet: {
    step: string;
    giver: string;
    receiver: string | null;
    handedOverAt: string | null;
    result: string | null;
    agency: string | null;
    note: string | null;
  }[];
}

async function showDossier(code: string): Promise<void> {
  const { dossier } = await call<{ dossier: DossierView }>(
    `query ($code: String!) { dossier(code: $code) {
        code status statusLabel receivedAt appointmentAt late applicant { name }
        procedure { name key } components { name kind count } forms { number }
        ${SIGNED_RESULT_FIELDS}
        controlSheet { step agency giver receiver handedOverAt result note }
        processInstance { definition { bpmnXml } openTasks { elementId }
                          history { eventType elementId } } } }`,
    { code },
  );
  const row = (label: string, value: string) =>
    el('div', {}, el('dt', {}, label), el('dd', {}, value));
  const printable = [...new Set(dossier.forms.map((form) => form.number)), '06'];
  const section = $('#dossier');
  section.replaceChildren(
    el('h2', {}, `${t('inbox.dossier')} ${dossier.code}`),
    ...(dossier.late ? [el('p', { class: 'late' }, t('lookup.late'))] : []),
    el(
      'dl',
      {},
      row(t('lookup.procedure'), dossier.procedure.name ?? dossier.procedure.key),
      row(t('inbox.applicant'), dossier.applicant.name),
      row(t('lookup.status'), statusText(dossier.status, dossier.statusLabel)),
      row(t('lookup.received'), dateTime(dossier.receivedAt)),
      row(t('lookup.appointment'), dateTime(dossier.appointmentAt)),
    ),
    ...(dossier.signedResult ? [signedResultOf(dossier.signedResult)] : []),
    el('h3', {}, t('inbox.papers')),
    el('ul', {}, ...dossier.components.map((c) => el('li', {}, `${c.name} (${c.count})`))),
    el('h3', {}, t('inbox.sheet')),
    el(
      'table',
      { class: 'sheet' },
      el(
        'tr',
        {},
        ...[
          'inbox.step',
          'inbox.giver',
          'inbox.receiver',
          'inbox.handed',
          'inbox.result',
          'inbox.note',
        ].map((key) => el('th', {}, t(key))),
      ),
      ...dossier.controlSheet.map((handOver) =>
        el(
          'tr',
          {},
          el('td', {}, handOver.agency ? `${handOver.step} (${handOver.agency})` : handOver.step),
          el('td', {}, handOver.giver),
          el('td', {}, handOver.receiver ?? ''),
          el('td', {}, dateTime(handOver.handedOverAt)),
          el('td', {}, handOver.result ? t(`result.${handOver.result}`) : ''),
          el('td', {}, handOver.note ?? ''),
        ),
      ),
    ),
    el(
      'p',
      { class: 'actions' },
      ...printable.map((number) =>
        button(`${t('inbox.print')} ${number}`, () => printForm(dossier.code, number)),
      ),
      ...(dossier.status === 'PROCESSED' ? [returnForm(dossier.code)] : []),
    ),
  );
  if (['RECEIVED', 'IN_PROGRESS'].includes(dossier.status)) {
    section.append(supplementForm(dossier.code));
  }
  const diagram = el('div', { id: 'diagram', class: 'diagram' });
  section.append(el('h3', {}, t('inbox.diagram')), diagram);
  section.hidden = false;
  await drawPosition(diagram, dossier.processInstance);
}

/** Forms carry personal data: fetched with the officer's token, then opened as a PDF. */
async function printForm(code: string, number: string): Promise<void> {
  const response = await fetch(`/forms/${encodeURIComponent(code)}/${number}?format=pdf`, {
    headers: { authorization: `Bearer ${session()?.token ?? ''}` },
  });
  if (!response.ok) {
    page.fail(t('inbox.print.failed'));
    return;
  }
  window.open(URL.createObjectURL(await response.blob()), '_blank');
}

/** The signed result, downloaded with the officer's token (it carries personal data). */
function signedResultOf(signed: SignedResultView): HTMLElement {
  return signedResultSection(
    signed,
    button(t('signed.download'), async () => {
      const response = await fetch(signed.downloadPath, {
        headers: { authorization: `Bearer ${session()?.token ?? ''}` },
      });
      if (!response.ok) {
        page.fail(t('signed.failed'));
        return;
      }
      window.open(URL.createObjectURL(await response.blob()), '_blank');
    }),
  );
}

/** Asks the citizen for papers (Form 02): what is missing, one per line, and why. */
function supplementForm(code: string): HTMLFormElement {
  const missing = el('textarea', { name: 'missing', rows: '2' });
  const reason = el('input', { name: 'reason' });
  const form = el(
    'form',
    { class: 'supplement' },
    el('h3', {}, t('inbox.supplement')),
    el('label', {}, el('span', {}, t('inbox.missing')), missing),
    el('label', {}, el('span', {}, t('inbox.reason')), reason),
    el('button', { type: 'submit' }, t('inbox.supplement.send')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const papers = missing.value
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    void call(
      `mutation ($code: String!, $missing: [String!]!, $reason: String!) {
         requestSupplement(code: $code, missing: $missing, reason: $reason) { code } }`,
      { code, missing: papers, reason: reason.value.trim() },
    )
      .then(() => page.refresh())
      .catch(() => undefined);
  });
  return form;
}

/**
 * The procedure's diagram with where the dossier is: the steps open now and those done marked
 * (bpmn-js's viewer, loaded only when a dossier is shown).
 */
async function drawPosition(
  container: HTMLElement,
  instance: DossierView['processInstance'],
): Promise<void> {
  const { default: Viewer } = await import('bpmn-js/lib/NavigatedViewer');
  const viewer = new Viewer({ container });
  await viewer.importXML(instance.definition.bpmnXml);
  const canvas = viewer.get<{ addMarker(id: string, marker: string): void; zoom(l: string): void }>(
    'canvas',
  );
  canvas.zoom('fit-viewport');
  const registry = viewer.get<{ get(id: string): unknown }>('elementRegistry');
  const mark = (id: string | null, marker: string) =>
    id && registry.get(id) && canvas.addMarker(id, marker);
  for (const event of instance.history) {
    if (event.eventType === 'ELEMENT_COMPLETED') mark(event.elementId, 'done');
  }
  for (const task of instance.openTasks) mark(task.elementId, 'current');
}
