import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { serve, type RunningServer } from '../../src/cli/serve';
import { readConfig } from '../../src/config';
import { replicationSlots } from '../../src/store/national/slots';
import { provinceSubscriptions } from '../../src/store/national/subscriptions';
import { createTestApi, type TestApi } from '../support/api';
import { cli } from '../support/cli';
import { databaseAt } from '../support/database';
import { caughtUp, nationalRanking, provinceFigures, until } from '../support/national';
import { startPostgresServer, type PostgresServer } from '../support/postgres-server';
import {
  buildFixtures,
  FIXTURE_PROCEDURE,
  type FixtureDossier,
  type FixtureOffice,
} from '../support/seed-fixtures';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

type Province = 'tinh_a' | 'tinh_b';

/** Each province: its agency, its communes, and the subscription's name for it. */
const PROVINCES: Record<Province, { code: string; communes: string[] }> = {
  tinh_a: { code: 'tinh-a', communes: ['xa-a1', 'xa-a2'] },
  tinh_b: { code: 'tinh-b', communes: ['xa-b1', 'xa-b2'] },
};
const agenciesOf = (name: Province) => [PROVINCES[name].code, ...PROVINCES[name].communes];
/** When the figures are compared: every open dossier of the fixtures is overdue by then. */
const REPORT_TIME = new Date('2026-03-31T10:00:00Z');
const PERSON = { name: 'Trần Văn Bình', idNumber: '001090000002', phone: '0900000002' };

/**
 * The national roll-up on PostgreSQL's logical replication, on three servers of the test's own
 * (`wal_level=logical`): two provinces publish (a migration), a national database subscribes to
 * both (`tthc-engine national subscribe`, one province through a TCP proxy) and answers their
 * figures — the 766 index, each province's ranking, the national ranking of provinces and of
 * communes — as each province answers them itself, without a word of their applicants. Then the
 * link to one province is cut while it keeps receiving dossiers, and the other province's server
 * stops for a while: the national database keeps answering what it had, and once each province
 * is back it catches up with nothing lost. Waits are polls of the provinces' replication slots.
 */
describe('the national roll-up', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'tthc-national-'));
  // PostgreSQL runs as another user when we are root: it must be able to enter the folder.
  chmodSync(root, 0o755);
  const clock = { now: new Date('2026-03-02T01:00:00Z') };
  const servers = {} as Record<Province | 'national', PostgresServer>;
  const provinces = {} as Record<Province, TestApi & { offices: Record<string, FixtureOffice> }>;
  let national: TestApi;
  let linkToB: TcpProxy;
  const bPort = () => Number(new URL(servers.tinh_b.url).port);

  /** A province's server, database, agencies and officers, with the fixtures' procedure. */
  async function openProvince(name: Province) {
    const { code, communes } = PROVINCES[name];
    const database = await databaseAt(servers[name].url);
    const api = await createTestApi(clock, {
      database,
      tester: { agencyCode: code, agencyKind: 'province' },
    });
    const offices: Record<string, FixtureOffice> = {};
    for (const commune of communes) {
      await api.ok(
        `mutation ($code: String!, $parent: String!) {
           createAgency(code: $code, name: $code, kind: "commune", parentCode: $parent) { code } }`,
        { code: commune, parent: code },
      );
      offices[commune] = {
        agencyCode: commune,
        reception: await api.officer(`${commune}.motcua`, ['reception'], commune),
        processing: await api.officer(`${commune}.hotich`, ['civil_status'], commune),
        dossiers: [],
      };
    }
    await api.ok(`mutation ($xml: String!) { deployProcess(bpmnXml: $xml) { id } }`, {
      xml: FIXTURE_PROCEDURE,
    });
    provinces[name] = Object.assign(api, { offices });
  }

  /** Dossiers received and worked at a province's communes, through its API. */
  async function receive(name: Province, dossiers: Record<string, FixtureDossier[]>) {
    const { offices } = provinces[name];
    await buildFixtures(
      provinces[name],
      clock,
      Object.entries(dossiers).map(([commune, list]) => ({ ...offices[commune], dossiers: list })),
    );
    clock.now = REPORT_TIME;
  }

  /** What the national level reads of a province, from its own server and the national one. */
  async function bothFigures(name: Province) {
    clock.now = REPORT_TIME;
    const [own, nationally] = await Promise.all([
      provinceFigures(provinces[name], PROVINCES[name].code, agenciesOf(name)),
      provinceFigures(national, PROVINCES[name].code, agenciesOf(name)),
    ]);
    return { own, nationally };
  }

  /** The dossiers' codes of a province's agencies, as a database holds them. */
  const codesIn = async (api: TestApi, name: Province) =>
    (
      (await api.database.dataSource.query(
        'SELECT code FROM dossier WHERE agency_code = ANY($1) ORDER BY code',
        [agenciesOf(name)],
      )) as { code: string }[]
    ).map((row) => row.code);

  beforeAll(async () => {
    const names = ['tinh_a', 'tinh_b', 'national'] as const;
    const started = await Promise.all(
      names.map((name) =>
        startPostgresServer({
          dataDir: path.join(root, name),
          database: name,
          logicalReplication: true,
        }),
      ),
    );
    names.forEach((name, i) => (servers[name] = started[i]));
    await openProvince('tinh_a');
    await openProvince('tinh_b');
    national = await createTestApi(clock, {
      database: await databaseAt(servers.national.url),
      nationalReporting: true,
      tester: { agencyCode: 'quoc-gia', agencyKind: 'national' },
    });
    linkToB = await startTcpProxy({ host: '127.0.0.1', port: bPort() });

    const day = '2026-03-02';
    await receive('tinh_a', {
      'xa-a1': [
        { day, outcome: 'EARLY', digitized: true },
        { day, outcome: 'EARLY', digitized: true },
        { day, outcome: 'EARLY', digitized: true },
        { day, outcome: 'ON_TIME', fee: 'QR' },
      ],
      'xa-a2': [
        { day, outcome: 'EARLY' },
        { day, outcome: 'EARLY', fee: 'CASH' },
        { day, outcome: 'OPEN' },
      ],
    });
    await receive('tinh_b', {
      'xa-b1': [
        { day, outcome: 'EARLY' },
        { day, outcome: 'LATE' },
        { day, outcome: 'LATE' },
      ],
      'xa-b2': [
        { day, outcome: 'ON_TIME' },
        { day, outcome: 'OPEN' },
      ],
    });
    // The desk's written guidance, the citizen's feedback and an indicator recorded: what the
    // index reads beside the dossiers.
    clock.now = new Date('2026-03-03T02:00:00Z');
    await provinces.tinh_a.ok(
      `mutation ($input: DeskNoticeInput!) { guideApplicant(input: $input, missing: ["Tờ khai"]) { id } }`,
      {
        input: { procedureKey: 'fixture-certificate', applicant: PERSON, reason: 'Thiếu tờ khai' },
      },
      provinces.tinh_a.offices['xa-a1'].reception,
    );
    const [someDossier] = await codesIn(provinces.tinh_b, 'tinh_b');
    await provinces.tinh_b.ok(
      `mutation ($code: String!) { submitFeedback(code: $code, phoneLast4: "0001", content: "Chờ lâu") { id } }`,
      { code: someDossier },
    );
    await provinces.tinh_b.ok(
      `mutation { recordServiceIndicator(agencyCode: "tinh-b", from: "2026-03-01", to: "2026-03-31",
                    indicator: PUBLISHED_ON_TIME, numerator: 9, denominator: 10) { points } }`,
    );
  }, 240_000);

  afterAll(async () => {
    await linkToB?.kill();
    for (const api of [national, provinces.tinh_a, provinces.tinh_b]) await api?.close();
    for (const server of Object.values(servers)) await server.close().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  });

  it('subscribes to both provinces and answers their figures as they do, ranked across them', async () => {
    // Province A lets the national database in as a role of its own that reads the published
    // columns only; province B is reached as its superuser, through a proxy the test can cut.
    const a = provinces.tinh_a.database.dataSource;
    await a.query(`CREATE ROLE national_reader LOGIN REPLICATION PASSWORD 'doc-chi-so-lieu'`);
    const granted = await cli(['national', 'grant', 'national_reader'], {
      DATABASE_URL: servers.tinh_a.url,
    });
    expect(granted).toMatchObject({ code: 0, stdout: expect.stringContaining('dossier') });
    const asReader = new URL(servers.tinh_a.url);
    asReader.username = 'national_reader';
    asReader.password = 'doc-chi-so-lieu';
    const viaLink = new URL(servers.tinh_b.url);
    viaLink.port = String(linkToB.port);
    for (const [name, url] of [
      ['tinh_a', asReader],
      ['tinh_b', viaLink],
    ] as const) {
      const subscribed = await cli(['national', 'subscribe', name, url.toString()], {
        DATABASE_URL: national.database.url,
      });
      expect(subscribed).toMatchObject({ code: 0, stdout: expect.stringContaining('copied') });
    }
    await a.query(`SET ROLE national_reader`);
    const personal = await a.query(`SELECT applicant FROM dossier`).catch((error: Error) => error);
    await a.query(`RESET ROLE`);
    expect(personal).toMatchObject({ message: expect.stringMatching(/permission denied/) });
    for (const name of ['tinh_a', 'tinh_b'] as const) {
      await caughtUp(provinces[name].database.store, name);
      const { own, nationally } = await bothFigures(name);
      expect(nationally).toEqual(own);
    }
    const status = await provinceSubscriptions(national.database.store);
    expect(status.map((p) => [p.name, p.tablesCopying, p.applyErrors])).toEqual([
      ['tinh_a', 0, 0],
      ['tinh_b', 0, 0],
    ]);

    // Provinces as a whole: each scored on the national server as on its own, ranked by points.
    const provincesRanked = await nationalRanking(national, 'province');
    for (const name of ['tinh_a', 'tinh_b'] as const) {
      const [own] = await nationalRanking(provinces[name], 'province');
      const { rank: _rank, ...score } = own;
      expect(provincesRanked.find((row) => row.agencyCode === own.agencyCode)).toMatchObject(score);
    }
    expect(provincesRanked.map((row) => [row.rank, row.agencyCode])).toEqual([
      [1, 'tinh-a'],
      [2, 'tinh-b'],
    ]);
    expect(provincesRanked.map((row) => row.figures.received)).toEqual([7, 5]);
    expect(provincesRanked[0].figures.guidedAtDesk).toBe(1);

    // Every commune of both provinces, ranked together, each with its province's score of it.
    const communes = await nationalRanking(national, 'commune');
    expect(communes.map((row) => row.agencyCode).sort()).toEqual([
      'xa-a1',
      'xa-a2',
      'xa-b1',
      'xa-b2',
    ]);
    for (const row of communes) {
      const name = row.provinceCode === 'tinh-a' ? 'tinh_a' : 'tinh_b';
      expect(agenciesOf(name)).toContain(row.agencyCode);
      const { own } = await bothFigures(name);
      const mine = own.serviceIndexRanking.find(
        (r: { agencyCode: string }) => r.agencyCode === row.agencyCode,
      );
      expect([row.points, row.groups]).toEqual([mine.points, mine.groups]);
      expect(row.rank).toBe(
        1 + communes.filter((other) => other.points > row.points + 1e-6).length,
      );
    }

    // Nothing personal crossed: no applicant, paper, officer or text of a notice or feedback.
    const [leaked] = await national.database.dataSource.query(
      `SELECT (SELECT count(*) FROM dossier) AS dossiers,
              (SELECT count(*) FROM dossier WHERE applicant IS NOT NULL OR components IS NOT NULL
                  OR received_by IS NOT NULL OR instance_id IS NOT NULL) AS personal,
              (SELECT count(*) FROM dossier_rollup WHERE grain = 'officer') AS by_officer,
              (SELECT count(*) FROM desk_notice WHERE applicant IS NOT NULL OR content IS NOT NULL
                  OR issued_by IS NOT NULL) AS notices,
              (SELECT count(*) FROM dossier_feedback WHERE content IS NOT NULL) AS feedback`,
    );
    expect(leaked).toEqual({
      dossiers: '12',
      personal: '0',
      by_officer: '0',
      notices: '0',
      feedback: '0',
    });
  }, 180_000);

  it('keeps answering while the link to a province is cut, and catches up with what it missed', async () => {
    const before = await bothFigures('tinh_b');
    await linkToB.kill();
    // Both provinces go on receiving dossiers; the national server hears only from one.
    await receive('tinh_b', {
      'xa-b1': [
        { day: '2026-03-16', outcome: 'EARLY', digitized: true },
        { day: '2026-03-16', outcome: 'EARLY' },
        { day: '2026-03-16', outcome: 'OPEN' },
      ],
      'xa-b2': [{ day: '2026-03-16', outcome: 'LATE' }],
    });
    await receive('tinh_a', { 'xa-a2': [{ day: '2026-03-16', outcome: 'EARLY' }] });
    await caughtUp(provinces.tinh_a.database.store, 'tinh_a');
    const a = await bothFigures('tinh_a');
    expect(a.nationally).toEqual(a.own);
    // What the national server knew of the cut-off province, unchanged; the province keeps the
    // WAL the national server has not read.
    const during = await bothFigures('tinh_b');
    expect(during.nationally).toEqual(before.own);
    expect(during.own).not.toEqual(before.own);
    const slotOfB = async () => (await replicationSlots(provinces.tinh_b.database.store))[0];
    await until(
      'the national server to be gone from its slot',
      async () => !(await slotOfB()).active,
    );
    const slot = await slotOfB();
    expect(slot.name).toBe('province_tinh_b');
    expect(slot.behindBytes).toBeGreaterThan(0);

    linkToB = await startTcpProxy({ host: '127.0.0.1', port: bPort() }, { port: linkToB.port });
    const catchUpMs = await caughtUp(provinces.tinh_b.database.store, 'tinh_b');
    process.stdout.write(
      `national roll-up: tinh_b caught up ${slot.behindBytes} bytes of WAL in ${catchUpMs} ms after its link came back\n`,
    );
    const after = await bothFigures('tinh_b');
    expect(after.nationally).toEqual(after.own);
    expect(await codesIn(national, 'tinh_b')).toEqual(await codesIn(provinces.tinh_b, 'tinh_b'));
  }, 180_000);

  it("keeps answering while a province's server is down, and follows it once it is back", async () => {
    const before = await bothFigures('tinh_a');
    await servers.tinh_a.stop();
    const during = await provinceFigures(national, 'tinh-a', agenciesOf('tinh_a'));
    expect(during).toEqual(before.own);
    await servers.tinh_a.start();
    await until('tinh_a to answer again', () =>
      provinces.tinh_a.database.dataSource.query('SELECT 1').then(
        () => true,
        () => false,
      ),
    );
    await receive('tinh_a', { 'xa-a1': [{ day: '2026-03-23', outcome: 'LATE' }] });
    const catchUpMs = await caughtUp(provinces.tinh_a.database.store, 'tinh_a');
    process.stdout.write(
      `national roll-up: tinh_a followed again ${catchUpMs} ms after its work\n`,
    );
    const after = await bothFigures('tinh_a');
    expect(after.nationally).toEqual(after.own);
    expect(await codesIn(national, 'tinh_a')).toEqual(await codesIn(provinces.tinh_a, 'tinh_a'));
  }, 180_000);

  it('serves in national reporting mode: figures only, no deployment, no jobs, no changes', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino(
      { level: 'info' },
      { write: (line: string) => lines.push(JSON.parse(line)) },
    );
    const config = {
      ...readConfig({ NATIONAL_REPORTING: 'true' }),
      port: 0,
      databaseUrl: national.database.url,
    };
    const server: RunningServer = await serve(config, logger);
    try {
      const ask = async (query: string) => {
        const response = await fetch(server.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${national.token}`,
          },
          body: JSON.stringify({ query }),
        });
        return (await response.json()) as {
          data?: Record<string, unknown> | null;
          errors?: { extensions: { code: string; field?: string } }[];
        };
      };
      const ranked = await ask(
        `{ nationalRanking(from: "2026-03-01", to: "2026-03-31") { rank agencyCode } }`,
      );
      const expected = await nationalRanking(national, 'province');
      expect(ranked.data?.nationalRanking).toEqual(
        expected.map(({ rank, agencyCode }) => ({ rank, agencyCode })),
      );
      const refused = [
        await ask(
          `mutation { createAgency(code: "xa-moi", name: "Xã mới", kind: "commune") { code } }`,
        ),
        await ask(`{ tasks(first: 10) { totalCount } }`),
        await ask(`{ dossierMetrics(groupBy: [OFFICER]) { officer received } }`),
      ];
      expect(refused.map((answer) => answer.errors?.[0].extensions)).toEqual([
        expect.objectContaining({ code: 'NATIONAL_REPORTING_ONLY', field: 'createAgency' }),
        expect.objectContaining({ code: 'NATIONAL_REPORTING_ONLY', field: 'tasks' }),
        expect.objectContaining({ code: 'NATIONAL_REPORTING_ONLY', field: 'groupBy' }),
      ]);
    } finally {
      await server.stop();
    }
    const messages = lines.map((line) => line.msg);
    expect(messages).toContainEqual(expect.stringMatching(/^national reporting/));
    expect(messages).not.toContain('deployed');
    const [{ deployments }] = await national.database.dataSource.query(
      'SELECT count(*)::int AS deployments FROM deployment',
    );
    expect(deployments).toBe(0);
  }, 60_000);
});
