import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import BpmnModeler from 'bpmn-js/lib/Modeler';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json';
import tthc from '../../src/bpmn/tthc-moddle.json';
import './style.css';
import { el } from './dom';
import { language, t, translatePage } from './i18n';
import { OfficerPage } from './officer-page';
import { runnableOnly } from './runnable-only';
import { draftOf, dropDraft, saveDraft } from './drafts';
import { resizablePanel } from './resizable-panel';
import { MigrationPanel } from './migration-panel';
import { forecastPanel } from './forecast-panel';

/** What bpmn-js gives us of a diagram element. */
interface Shape {
  id: string;
  type: string;
  businessObject: { id: string; name?: string; get(name: string): unknown };
}
interface Change {
  elementId: string;
  change: string;
  kind: string;
  name: string | null;
}
interface Version {
  version: number;
  bpmnXml: string;
  changes: Change[];
}

const modeler = new BpmnModeler({
  container: '#canvas',
  moddleExtensions: { camunda, tthc },
  additionalModules: [runnableOnly],
});
const modeling = modeler.get<{ updateProperties(e: Shape, p: Record<string, unknown>): void }>(
  'modeling',
);
const canvas = modeler.get<{
  getRootElement(): Shape;
  addMarker(id: string, marker: string): void;
  removeMarker(id: string, marker: string): void;
  zoom(level: string): void;
}>('canvas');
const registry = modeler.get<{ get(id: string): Shape | undefined }>('elementRegistry');
const page = new OfficerPage('designer.heading', listProcedures);
const migration = new MigrationPanel(page);
let opened: { key: string; version: number } | undefined;
let marked: string[] = [];
let selected: Shape | undefined;
/** True while a version (or its draft) is being imported: that is no edit to keep. */
let restoring = false;

resizablePanel(document.querySelector<HTMLElement>('#properties')!, 'designer.properties.width');
translatePage(() => void page.refresh());
void page.refresh();

modeler.on('selection.changed', (event: { newSelection: Shape[] }) => {
  selected = event.newSelection[0];
  showProperties();
});
let linting: ReturnType<typeof setTimeout> | undefined;
modeler.on('commandStack.changed', () => {
  if (opened && !restoring) void keepDraft(opened);
  clearTimeout(linting);
  linting = setTimeout(() => void lint().catch(() => undefined), 300);
});
forecastPanel({
  call: (query, variables) => page.call(query, variables),
  xml: async () => (opened ? (await modeler.saveXML()).xml : undefined),
  canvas,
});
document
  .querySelector('#deploy')!
  .addEventListener('click', () => void deploy().catch(() => undefined));

async function listProcedures(): Promise<void> {
  const { processDefinitions } = await page.call<{
    processDefinitions: { key: string; name: string | null; version: number }[];
  }>(`{ processDefinitions { key name version } }`);
  document.querySelector('#procedures')!.replaceChildren(
    el('h3', {}, t('designer.procedures')),
    ...processDefinitions.map((definition) => {
      const link = el(
        'button',
        { type: 'button', 'data-key': definition.key },
        `${definition.name ?? definition.key} (v${definition.version})`,
      );
      link.addEventListener('click', () => void open(definition.key).catch(() => undefined));
      return link;
    }),
  );
}

async function keepDraft(at: { key: string; version: number }): Promise<void> {
  const { xml } = await modeler.saveXML({ format: false });
  if (xml) saveDraft(at.key, at.version, xml);
  showDraftNotice(true);
}

/** Says that what is shown holds edits not deployed yet, with a button to throw them away. */
function showDraftNotice(shown: boolean): void {
  const notice = document.querySelector<HTMLElement>('#draft')!;
  notice.hidden = !shown;
  if (!shown || notice.childElementCount > 0) return;
  const discard = el('button', { type: 'button' }, t('designer.draft.discard'));
  discard.addEventListener('click', () => {
    if (!opened) return;
    dropDraft(opened.key, opened.version);
    void open(opened.key, opened.version).catch(() => undefined);
  });
  notice.replaceChildren(el('span', {}, t('designer.draft')), ' ', discard);
}

/** Opens a procedure's latest version (or the one asked for) in the modeler. */
async function open(key: string, version?: number): Promise<void> {
  const { processDefinitions } = await page.call<{ processDefinitions: Version[] }>(
    `query ($key: String!) { processDefinitions(key: $key) {
       version bpmnXml changes { elementId change kind name } } }`,
    { key },
  );
  const chosen = processDefinitions.find(
    (v) => v.version === (version ?? processDefinitions[0].version),
  )!;
  // Edits not yet deployed come back after a reload, with a way to throw them away.
  const draft = draftOf(key, chosen.version);
  restoring = true;
  await modeler.importXML(draft ?? chosen.bpmnXml);
  restoring = false;
  canvas.zoom('fit-viewport');
  opened = { key, version: chosen.version };
  showDraftNotice(draft !== null);
  document.querySelector('#opened')!.textContent = `${key} — v${chosen.version}`;
  // Every version of the procedure, newest first: any of them opens in the modeler.
  document.querySelector('#versions')!.replaceChildren(
    ...processDefinitions.map((v) => {
      const button = el(
        'button',
        { type: 'button', 'data-version': String(v.version), class: v === chosen ? 'current' : '' },
        `v${v.version}`,
      );
      button.addEventListener('click', () => void open(key, v.version).catch(() => undefined));
      return button;
    }),
  );
  migration.show(
    key,
    chosen.version,
    processDefinitions.map((v) => v.version),
  );
  selected = undefined;
  showProperties();
  showChanges(chosen.changes);
  await lint().catch(() => undefined);
}

/** The properties our engine reads, written into the diagram as our `tthc` extension. */
function showProperties(): void {
  const panel = document.querySelector('#properties')!;
  if (!opened) return void panel.replaceChildren();
  const element = selected ?? canvas.getRootElement();
  const bo = element.businessObject;
  const field = (label: string, property: string, inherited = '') => {
    const input = el('input', {
      name: property,
      value: String(bo.get(property) ?? ''),
      placeholder: inherited,
    });
    input.addEventListener('change', () =>
      modeling.updateProperties(element, { [property]: input.value.trim() || undefined }),
    );
    return el('label', {}, el('span', {}, label), input);
  };
  const fields =
    element.type === 'bpmn:UserTask'
      ? [
          field(t('designer.role'), 'tthc:role', inheritedRole(bo)),
          field(t('designer.agency'), 'tthc:agency'),
          field(t('designer.stepDuration'), 'tthc:stepDuration'),
          field(t('designer.form'), 'tthc:form'),
        ]
      : element.type === 'bpmn:Lane'
        ? [field(t('designer.role'), 'tthc:role', bo.name ?? '')]
        : element.type === 'bpmn:Process' || element.type === 'bpmn:Participant'
          ? [field(t('designer.statutoryDuration'), 'tthc:statutoryDuration')]
          : [];
  panel.replaceChildren(el('h3', {}, bo.name ?? bo.id), ...fields);
}

/** The role a task has without one of its own: Camunda's candidate groups, or its lane's. */
function inheritedRole(bo: Shape['businessObject']): string {
  const camundaGroups = bo.get('camunda:candidateGroups');
  if (camundaGroups) return String(camundaGroups);
  const [lane] = (bo.get('lanes') ?? []) as Shape['businessObject'][];
  return lane ? String(lane.get('tthc:role') ?? lane.name ?? '') : '';
}

/** Lints the diagram as it is (bpmnlint and the engine's rules) and marks the problems on it. */
async function lint(): Promise<void> {
  const { xml } = await modeler.saveXML();
  const { validateProcess } = await page.call<{
    validateProcess: {
      valid: boolean;
      problems: {
        elementId: string | null;
        message: string;
        userMessage: string;
        severity: 'ERROR' | 'WARNING';
      }[];
    };
  }>(
    `query ($xml: String!) { validateProcess(bpmnXml: $xml) { valid problems { elementId message userMessage severity } } }`,
    {
      xml,
    },
  );
  for (const id of marked) {
    canvas.removeMarker(id, 'lint-error');
    canvas.removeMarker(id, 'lint-warning');
  }
  marked = [];
  for (const problem of validateProcess.problems) {
    if (problem.elementId && registry.get(problem.elementId)) {
      canvas.addMarker(
        problem.elementId,
        problem.severity === 'ERROR' ? 'lint-error' : 'lint-warning',
      );
      marked.push(problem.elementId);
    }
  }
  document.querySelector('#problems')!.replaceChildren(
    ...(validateProcess.problems.length
      ? validateProcess.problems.map((problem) =>
          // Vietnamese by the rule, with the engine's English particulars on hover.
          language() === 'vi'
            ? el(
                'li',
                { class: problem.severity === 'ERROR' ? 'error' : '', title: problem.message },
                problem.userMessage,
              )
            : el(
                'li',
                { class: problem.severity === 'ERROR' ? 'error' : '' },
                `${problem.elementId ? `${problem.elementId}: ` : ''}${problem.message}`,
              ),
        )
      : [el('li', {}, t('designer.clean'))]),
  );
  document.querySelector<HTMLButtonElement>('#deploy')!.disabled = !validateProcess.valid;
}

function showChanges(changes: Change[]): void {
  document
    .querySelector('#changes')!
    .replaceChildren(
      ...(changes.length
        ? changes.map((change) =>
            el(
              'li',
              { 'data-change': change.change },
              `${t(`designer.${change.change}`)}: ${change.name ?? change.elementId} (${change.kind})`,
            ),
          )
        : [el('li', {}, t('designer.nochange'))]),
    );
}

async function deploy(): Promise<void> {
  if (!opened) return;
  const { xml } = await modeler.saveXML({ format: true });
  const { deployProcess } = await page.call<{
    deployProcess: {
      changed: boolean;
      definitions: { key: string; version: number }[];
    };
  }>(
    `mutation ($xml: String!) { deployProcess(bpmnXml: $xml) {
       changed definitions { key version } } }`,
    { xml },
  );
  dropDraft(opened.key, opened.version);
  const definition =
    deployProcess.definitions.find((d) => d.key === opened!.key) ?? deployProcess.definitions[0];
  await listProcedures();
  await open(definition.key, definition.version);
  document.querySelector('#opened')!.textContent +=
    ` ${deployProcess.changed ? t('designer.deployed') : t('designer.same')}`;
}
