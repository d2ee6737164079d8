import request from 'supertest';
import { issueToken } from '../../src/auth/tokens';
import { bpmnProcess } from '../support/bpmn';
import { snapshotDatabase } from '../support/database';
import { apiSuite } from '../support/flows';

type Body = { errors?: { message: string; extensions?: Record<string, unknown> }[] };

/**
 * What an attacker (or a broken client) sends: each is refused with a clear code, runs nothing
 * it should not, and leaves every table as it was. Inputs the other suites already try (a 20 MB
 * file, 256 KB of variables, NUL bytes, depth and cost limits) are not repeated here.
 */
describe('hostile input', () => {
  const suite = apiSuite();
  const api = () => suite.api;
  const unchanged = async (work: () => Promise<void>) => {
    const before = await snapshotDatabase(api().database.dataSource);
    await work();
    expect(await snapshotDatabase(api().database.dataSource)).toEqual(before);
  };
  const deploy = (xml: string) =>
    api().graphql(`mutation ($xml: String!) { deployProcess(bpmnXml: $xml) { id } }`, { xml });

  const process = bpmnProcess(
    'hostile',
    `<bpmn:startEvent id="start" />
     <bpmn:userTask id="task" name="&name;" camunda:candidateGroups="land" />
     <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="task" />`,
  );

  it.each([
    [
      'an external entity (XXE) reading a file',
      `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY name SYSTEM "file:///etc/passwd">]>`,
    ],
    [
      'a billion laughs',
      `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "ha">${Array.from(
        { length: 9 },
        (_, k) => `<!ENTITY l${k + 1} "${`&l${k};`.repeat(10)}">`,
      ).join('')}<!ENTITY name "&l9;">]>`,
    ],
  ])('refuses %s before reading it', async (_, prologue) => {
    await unchanged(async () => {
      const xml = prologue + process.replace(/^<\?xml[^>]*>/, '');
      const { errors } = await deploy(xml);
      expect(errors?.[0].extensions?.code).toBe('BPMN_INVALID');
      expect(errors?.[0].message).toMatch(/DOCTYPE/);
      expect(JSON.stringify(errors)).not.toMatch(/root:/);
    });
  });

  it('refuses XML nested 100,000 deep with a clear error, and the server goes on', async () => {
    const deep = `${'<bpmn:extensionElements>'.repeat(100_000)}${'</bpmn:extensionElements>'.repeat(100_000)}`;
    await unchanged(async () => {
      const { errors } = await deploy(process.replace('<bpmn:startEvent id="start" />', deep));
      expect(errors?.[0].extensions?.code).toBe('BPMN_INVALID');
    });
    expect((await request(api().server.app).get('/readyz')).status).toBe(200);
  });

  it.each([
    ['a JavaScript constructor', '=constructor.constructor("return process")()'],
    ['a Node global', '=process.mainModule.require("child_process")'],
    ['an import', '=require("fs").readFileSync("/etc/passwd")'],
  ])('keeps FEEL inside its data: %s reads nothing outside', async (_, condition) => {
    const xml = bpmnProcess(
      `feel-${condition.length}`,
      `<bpmn:startEvent id="start" />
       <bpmn:exclusiveGateway id="gate" default="no" />
       <bpmn:endEvent id="yesEnd" /><bpmn:endEvent id="noEnd" />
       <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="gate" />
       <bpmn:sequenceFlow id="yes" sourceRef="gate" targetRef="yesEnd">
         <bpmn:conditionExpression>${condition.replace(/"/g, '&quot;')}</bpmn:conditionExpression>
       </bpmn:sequenceFlow>
       <bpmn:sequenceFlow id="no" sourceRef="gate" targetRef="noEnd" />`,
    );
    const deployed = (await deploy(xml)) as Body;
    if (deployed.errors) {
      // Refused at deploy: not FEEL the engine accepts.
      expect(deployed.errors[0].extensions?.code).toBe('BPMN_INVALID');
      return;
    }
    const key = `feel-${condition.length}`;
    const { errors } = await api().graphql(`mutation { startProcess(key: "${key}") { id } }`);
    // It cannot reach anything: the expression fails or is not true, and nothing is started.
    expect(errors?.[0].extensions?.code).toMatch(/EXPRESSION_FAILED|CONDITION_FAILED/);
  });

  it('refuses 1,000 aliases of one page by cost, and a batch of operations', async () => {
    const aliases = Array.from(
      { length: 1000 },
      (_, k) => `a${k}: myTasks(first: 100) { totalCount }`,
    );
    const costly = await api().graphql(`{ ${aliases.join(' ')} }`);
    expect(costly.errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    const batch = await request(api().server.app)
      .post('/graphql')
      .set('authorization', `Bearer ${api().token}`)
      .send(
        Array.from({ length: 50 }, () => ({ query: '{ myTasks(first: 100) { totalCount } }' })),
      );
    expect(batch.status).toBe(400);
    expect(JSON.stringify(batch.body)).not.toMatch(/totalCount/);
  });

  it('treats SQL in every filter as text: nothing breaks, nothing changes', async () => {
    const sql = `x'); DROP TABLE task; --`;
    await unchanged(async () => {
      for (const query of [
        `{ tasks(filter: { candidateGroup: $s, businessKey: $s, processDefinitionKey: $s, assignee: $s }) { totalCount } }`,
        `{ dossiers(filter: { procedureKey: $s }) { totalCount } }`,
        `{ procedures(search: $s) { code } }`,
        `{ processDefinitions(key: $s) { id } }`,
        `{ auditLog(filter: { action: $s, actor: $s }) { id } }`,
        `{ dossierStatus(code: $s, phoneLast4: "1234") { status } }`,
      ]) {
        const body = (await api().graphql(query.replace('{', 'query ($s: String!) {'), {
          s: sql,
        })) as Body;
        const codes = (body.errors ?? []).map((e) => e.extensions?.code);
        expect([
          query,
          codes.filter((c) => !['NOT_FOUND', 'BAD_USER_INPUT'].includes(String(c))),
        ]).toEqual([query, []]);
      }
    });
  });

  it('refuses a token signed with another key, and an expired one', async () => {
    const officer = { id: '00000000-0000-0000-0000-000000000001', username: 'tester' };
    const forged = await issueToken(new Uint8Array(32).fill(7), officer, new Date(), 60);
    const [{ id }] = await api().database.dataSource.query(
      `SELECT id FROM officer WHERE username = 'tester'`,
    );
    const key = new Uint8Array(
      Buffer.from(
        (
          await api().database.dataSource.query(
            `SELECT secret FROM auth_key WHERE name = 'session'`,
          )
        )[0].secret,
        'base64url',
      ),
    );
    const expired = await issueToken(
      key,
      { id, username: 'tester' },
      new Date('2020-01-01T00:00:00Z'),
      60,
    );
    for (const token of [forged, expired, 'not.a.token', `${api().token}x`]) {
      const { errors } = await api().graphql('{ myTasks(first: 1) { totalCount } }', {}, token);
      expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});
