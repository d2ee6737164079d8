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
    expect(await seedDemo(suite.api.database.store, clock.now, logger)).toBe(true);
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
    expect(await seedDemo(suite.api.database.store, clock.now, logger)).toBe(false);
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
    expect(await inbox('le.tiepnhan')).toEqual(['0001 Task_Receive OPEN']);
    expect((await inbox('tran.hotich')).sort()).toEqual([
      '0002 Task_Check CLAIMED',
      '0004 Task_Check OPEN',
    ]);
    expect(await inbox('nguyen.chutich')).toEqual(['0003 Task_Sign OPEN']);
    // The vice-chairman is a backup: nothing until the chairman is away.
    expect(await inbox('do.phochutich')).toEqual([]);
    const { dossiers } = await suite.api.ok(
      `{ dossiers { edges { node { code status channel } } } }`,
      {},
      tokens['le.tiepnhan'],
    );
    expect(
      dossiers.edges.map((e: any) => `${e.node.code} ${e.node.status} ${e.node.channel}`).sort(),
    ).toEqual([
      '000.00.06.H56-261130-0001 RECEIVED IN_PERSON',
      '000.00.06.H56-261130-0002 IN_PROGRESS ONLINE_FULL',
      '000.00.06.H56-261130-0003 IN_PROGRESS IN_PERSON',
      '000.00.06.H56-261130-0004 SUPPLEMENT_REQUESTED ONLINE_FULL',
      '000.00.06.H56-261130-0005 PROCESSED IN_PERSON',
    ]);
  });

  it('is listed in the README, with its password', () => {
    const readme = readProjectFile('README.md');
    expect(readme).toContain(DEMO_PASSWORD);
    for (const { username } of DEMO_OFFICERS) expect(readme).toContain(`\`${username}\``);
  });
});
