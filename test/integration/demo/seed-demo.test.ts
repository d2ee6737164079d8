import pino from 'pino';
import { DEMO_OFFICERS, DEMO_PASSWORD } from '../../../src/demo/demo-commune';
import { seedDemo } from '../../../src/demo/seed-demo';
import { apiSuite } from '../../support/flows';
import { readProjectFile } from '../../support/models';

/** The demo commune `npm start` seeds: every officer signs in and finds work at its step. */
describe('the demo commune', () => {
  const clock = { now: new Date('2026-11-30T02:00:00Z') };
  const suite = apiSuite(clock);
  const logger = pino({ level: 'silent' });
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    await suite.f.deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
    expect(await seedDemo(suite.api.database.dataSource, clock.now, logger)).toBe(true);
    for (const { username } of DEMO_OFFICERS) {
      const { data, errors } = await suite.api.graphql(
        `mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`,
        { u: username, p: DEMO_PASSWORD },
        null,
      );
      expect([username, errors]).toEqual([username, undefined]);
      tokens[username] = data?.login.token;
    }
  });

  it('seeds once: a second start finds it and changes nothing', async () => {
    expect(await seedDemo(suite.api.database.dataSource, clock.now, logger)).toBe(false);
    const { agencies } = await suite.api.ok(`{ agencies { code kind } }`);
    expect(agencies).toEqual(
      expect.arrayContaining([
        { code: 'xa-xuan-hoa', kind: 'commune' },
        { code: 'ca-xa-xuan-hoa', kind: 'police' },
        { code: 'bhxh-khu-vuc-1', kind: 'social_insurance' },
      ]),
    );
  });

  it('gives each officer of the one-stop office the dossiers at their step', async () => {
    const inbox = async (username: string) =>
      (
        await suite.api.ok(
          `{ myTasks { edges { node { elementId state processInstance { businessKey } } } } }`,
          {},
          tokens[username],
        )
      ).myTasks.edges.map(
        (e: any) =>
          `${e.node.processInstance.businessKey.slice(-4)} ${e.node.elementId} ${e.node.state}`,
      );
    expect((await inbox('le.tiepnhan')).sort()).toEqual([
      '0001 Task_Receive OPEN',
      '0004 Task_Receive OPEN',
    ]);
    expect(await inbox('tran.hotich')).toEqual(['0002 Task_Check CLAIMED']);
    expect(await inbox('nguyen.chutich')).toEqual(['0003 Task_Sign OPEN']);
    // The vice-chairman is a backup: nothing until the chairman is away.
    expect(await inbox('do.phochutich')).toEqual([]);
    const { processInstance } = await suite.api.ok(
      `query ($id: ID!) { processInstance(id: $id) { status } }`,
      { id: await instanceOf('000.00.06.H56-261130-0005') },
      tokens['nguyen.chutich'],
    );
    expect(processInstance.status).toBe('COMPLETED');
  });

  it('is listed in the README, with its password', () => {
    const readme = readProjectFile('README.md');
    expect(readme).toContain(DEMO_PASSWORD);
    for (const { username } of DEMO_OFFICERS) expect(readme).toContain(`\`${username}\``);
  });

  async function instanceOf(code: string): Promise<string> {
    const [row] = (await suite.api.database.dataSource.query(
      'SELECT id FROM process_instance WHERE business_key = $1',
      [code],
    )) as { id: string }[];
    return row.id;
  }
});
