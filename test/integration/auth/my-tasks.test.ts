import { bpmnProcess } from '../../support/bpmn';
import { apiSuite } from '../../support/flows';
import { seedOfficer } from '../../support/officers';

/** Vietnam local time as a Date. */
const vn = (local: string) => new Date(`${local}+07:00`);

describe('myTasks: the inbox of the signed-in officer', () => {
  const clock = { now: vn('2026-03-02T09:00:00') };
  const suite = apiSuite(clock);
  const tokens: Record<string, string> = {};
  const inbox = async (token: string, filter = {}) =>
    (
      await suite.api.graphql(
        `query ($f: MyTaskFilter) { myTasks(filter: $f, first: 10) {
           edges { node { id elementId dueAt assignee processInstance { businessKey } } }
           totalCount counts { open claimedByMe dueToday overdue } } }`,
        { f: filter },
        token,
      )
    ).data?.myTasks;
  const lines = (page: { edges: { node: any }[] }) =>
    page.edges.map((e) => `${e.node.processInstance.businessKey} ${e.node.elementId}`);

  beforeAll(async () => {
    const dataSource = suite.api.database.dataSource;
    const officer = (username: string, roles: any[], agencyCode = 'xa-xuan-hoa') =>
      seedOfficer(dataSource, { username, roles, agencyCode, now: clock.now });
    tokens.reception = await officer('nguyen.tiepnhan', ['reception']);
    tokens.otherReception = await officer('ho.tiepnhan', ['reception'], 'xa-tan-lap');
    tokens.land = await officer('dang.diachinh', ['land']);
    tokens.backup = await officer('le.vanhoa', [{ role: 'reception', kind: 'backup' }]);
    await suite.f.deploy(
      bpmnProcess(
        'inbox-check',
        `<bpmn:startEvent id="start" />
         <bpmn:parallelGateway id="fork" />
         <bpmn:userTask id="receive" camunda:candidateGroups="reception" tthc:stepDuration="4 working hours" />
         <bpmn:userTask id="survey" camunda:candidateGroups="land" tthc:agency="xa-xuan-hoa" />
         <bpmn:userTask id="elsewhere" camunda:candidateGroups="reception" tthc:agency="xa-tan-lap" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="fork" />
         <bpmn:sequenceFlow id="b" sourceRef="fork" targetRef="receive" />
         <bpmn:sequenceFlow id="c" sourceRef="fork" targetRef="survey" />
         <bpmn:sequenceFlow id="d" sourceRef="fork" targetRef="elsewhere" />`,
      ),
    );
    // Received at the desk of Xuân Hòa: the dossiers belong to that commune.
    const receive = (businessKey: string) =>
      suite.api.graphql(
        `mutation ($bk: String!) { startProcess(key: "inbox-check", businessKey: $bk) { agency } }`,
        { bk: businessKey },
        tokens.reception,
      );
    clock.now = vn('2026-03-02T10:00:00');
    expect((await receive('HS-LATER')).data?.startProcess).toEqual({ agency: 'xa-xuan-hoa' });
    clock.now = vn('2026-03-02T08:00:00');
    await receive('HS-SOONER');
  });

  it('shows each officer the open tasks of their roles in their agency, soonest due first', async () => {
    const reception = await inbox(tokens.reception);
    expect(lines(reception)).toEqual(['HS-SOONER receive', 'HS-LATER receive']);
    expect(reception.edges.map((e: any) => e.node.dueAt)).toEqual([
      // Four working hours from 08:00 and from 10:00, across the break from 11:30 to 13:30.
      vn('2026-03-02T14:00:00').toISOString(),
      vn('2026-03-02T16:00:00').toISOString(),
    ]);
    expect(lines(await inbox(tokens.otherReception))).toEqual([
      'HS-LATER elsewhere',
      'HS-SOONER elsewhere',
    ]);
    expect(lines(await inbox(tokens.land))).toEqual(['HS-LATER survey', 'HS-SOONER survey']);
    // A backup sees nothing of the role while nobody is away.
    expect((await inbox(tokens.backup)).totalCount).toBe(0);
  });

  it('pages through the inbox one task at a time in the same order, the counts on every page', async () => {
    const page = async (after?: string) =>
      (
        await suite.api.graphql(
          `query ($after: String) { myTasks(first: 1, after: $after) {
             edges { node { elementId processInstance { businessKey } } }
             pageInfo { hasNextPage endCursor } totalCount counts { open } } }`,
          { after },
          tokens.land,
        )
      ).data?.myTasks;
    const first = await page();
    expect(lines(first)).toEqual(['HS-LATER survey']);
    expect(first).toMatchObject({
      pageInfo: { hasNextPage: true },
      totalCount: 2,
      counts: { open: 2 },
    });
    const second = await page(first.pageInfo.endCursor);
    expect(lines(second)).toEqual(['HS-SOONER survey']);
    expect(second).toMatchObject({
      pageInfo: { hasNextPage: false },
      totalCount: 2,
      counts: { open: 2 },
    });
    // Past the end: no task, and the counts still.
    const past = await page(second.pageInfo.endCursor);
    expect(past).toMatchObject({ edges: [], totalCount: 2, counts: { open: 2 } });
  });

  it('counts open, claimed by me, due today and overdue tasks', async () => {
    clock.now = vn('2026-03-02T13:00:00');
    const [soonest] = (await inbox(tokens.reception)).edges;
    const claimed = await suite.api.graphql(
      `mutation ($id: ID!) { claimTask(id: $id) { state } }`,
      { id: soonest.node.id },
      tokens.reception,
    );
    expect(claimed.data?.claimTask).toEqual({ state: 'CLAIMED' });
    const page = await inbox(tokens.reception);
    expect(page.counts).toEqual({ open: 1, claimedByMe: 1, dueToday: 2, overdue: 0 });
    // Another officer of the role no longer sees the claimed task.
    expect(lines(await inbox(tokens.reception, { state: 'OPEN' }))).toEqual(['HS-LATER receive']);
    expect(lines(await inbox(tokens.reception, { state: 'CLAIMED' }))).toEqual([
      'HS-SOONER receive',
    ]);
  });

  it('finds tasks by part of the dossier code, by procedure, due today or held by me, the counts unchanged', async () => {
    const all = await inbox(tokens.reception);
    expect(lines(await inbox(tokens.reception, { search: 'sooner' }))).toEqual([
      'HS-SOONER receive',
    ]);
    expect(lines(await inbox(tokens.reception, { search: 'hs-' }))).toHaveLength(2);
    // The filters narrow the list, not the counts the inbox shows as links.
    expect((await inbox(tokens.reception, { search: 'sooner' })).counts).toEqual(all.counts);
    // A pattern character is looked for as itself.
    expect(lines(await inbox(tokens.reception, { search: '%' }))).toEqual([]);
    expect(lines(await inbox(tokens.reception, { procedureKey: 'inbox-check' }))).toHaveLength(2);
    expect(lines(await inbox(tokens.reception, { procedureKey: 'other' }))).toEqual([]);
    expect(lines(await inbox(tokens.reception, { claimedByMe: true }))).toEqual([
      'HS-SOONER receive',
    ]);
    expect((await inbox(tokens.reception, { dueToday: true })).totalCount).toBe(
      all.counts.dueToday,
    );
  });
});
