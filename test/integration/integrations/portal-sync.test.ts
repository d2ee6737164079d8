import { createHmac } from 'node:crypto';
import pino from 'pino';
import type { JobRunner } from '../../../src/jobs/runner';
import { startOutboxRunner } from '../../support/runner';
import { checkConsistency } from '../../../src/store/consistency';
import { createTestApi, type TestApi } from '../../support/api';
import { bpmnProcess } from '../../support/bpmn';
import { createTestDatabase } from '../../support/database';
import { workNextTask } from '../../support/dossiers';
import { flows } from '../../support/flows';
import {
  startProvider,
  type ProviderRequest,
  type TestProvider,
} from '../../support/provider-server';

const SECRET = 'bi-mat-chung-voi-cong-dich-vu-cong';

/**
 * Every status change of a dossier is pushed to the portal, signed, in order per dossier, and
 * tried until acknowledged: through a restart of the portal, a refusal, an acknowledgement lost
 * on the way. The 766 indicator "dossiers synchronized" is observed from the acknowledgements.
 */
describe('the portal in sync', () => {
  // Monday 2 March 2026, 09:00 in Hanoi.
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  let api: TestApi;
  let portal: TestProvider;
  let runner: JobRunner;
  let send: () => Promise<void>;
  let later: (seconds: number) => void;
  const tokens: Record<string, string> = {};

  const receive = async () =>
    (
      await api.ok<{ receiveDossier: { code: string } }>(
        `mutation { receiveDossier(input: { procedureKey: "marital-status",
           applicant: { name: "Trần Văn Cường", idNumber: "001085001234", phone: "0987654321" },
           components: [] }) { code } }`,
        {},
        tokens.reception,
      )
    ).receiveDossier.code;
  const step = (code: string) => workNextTask(api, code, tokens.civil);
  const pushesOf = (requests: ProviderRequest[], code: string) =>
    requests.filter((r) => r.body.dossierCode === code).map((r) => r.body.statusCode);
  const synced = async (code: string) =>
    (
      await api.ok<{ dossier: { portalSynced: boolean } }>(
        `query ($code: String!) { dossier(code: $code) { portalSynced } }`,
        { code },
        tokens.reception,
      )
    ).dossier.portalSynced;

  beforeAll(async () => {
    api = await createTestApi(clock, { database: await createTestDatabase({ portalSync: true }) });
    tokens.reception = await api.officer('le.tiepnhan', ['reception']);
    tokens.civil = await api.officer('tran.hotich', ['civil_status']);
    tokens.leader = await api.officer('nguyen.chutich', ['leader']);
    await flows(api).deploy(
      bpmnProcess(
        'marital-status',
        `<bpmn:startEvent id="start" />
         <bpmn:userTask id="verify" name="Xác minh" camunda:candidateGroups="civil_status" />
         <bpmn:userTask id="draft" name="Dự thảo kết quả" camunda:candidateGroups="civil_status" />
         <bpmn:endEvent id="end" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="verify" />
         <bpmn:sequenceFlow id="b" sourceRef="verify" targetRef="draft" />
         <bpmn:sequenceFlow id="c" sourceRef="draft" targetRef="end" />`,
        'tthc:statutoryDuration="3 working days" tthc:procedureCode="1.004873"',
      ),
    );
    portal = await startProvider({
      keyOf: (r) => String(r.headers['idempotency-key']),
      answer: (r) => ({ id: `ack-${String(r.body.sequence)}` }),
    });
    ({ runner, send, later } = await startOutboxRunner(
      api.database.store,
      clock,
      { transports: {}, portal: { url: portal.url, secret: SECRET } },
      pino({ level: 'silent' }),
    ));
  });
  afterAll(async () => {
    await runner.stop();
    await portal.stop();
    const { problems } = await checkConsistency(api.database.store);
    await api.close();
    expect(problems).toEqual([]);
  });

  it("pushes each status, signed, in order, with the dossier's procedure, agency and times", async () => {
    const code = await receive();
    await step(code);
    await step(code);
    await api.ok(
      `mutation ($code: String!) { returnResult(code: $code) { code } }`,
      { code },
      tokens.reception,
    );
    await send();
    const mine = portal.delivered.filter((r) => r.body.dossierCode === code);
    expect(mine.map((r) => r.body.statusCode)).toEqual([2, 4, 9, 10]);
    for (const request of mine) {
      const signature = `sha256=${createHmac('sha256', SECRET).update(request.raw).digest('hex')}`;
      expect(request.headers['x-signature']).toBe(signature);
    }
    const sequences = mine.map((r) => Number(r.body.sequence));
    expect([...sequences].sort((a, b) => a - b)).toEqual(sequences);
    expect(mine[3].body).toMatchObject({
      procedureCode: '1.004873',
      agencyCode: expect.any(String),
      statusName: 'Đã trả kết quả',
      receivedAt: '2026-03-02T02:00:00.000Z',
      appointmentAt: '2026-03-05T02:00:00.000Z',
      returnedAt: '2026-03-02T02:00:00.000Z',
    });
    expect(await synced(code)).toBe(true);
  });

  it('keeps the statuses while the portal restarts, then pushes them in order, once', async () => {
    await portal.stop();
    const code = await receive();
    await step(code);
    await send();
    expect(await synced(code)).toBe(false);
    await portal.start();
    expect(pushesOf(portal.requests, code)).toEqual([]);
    // The first status waits 10 s after its failed try; the second, never tried, follows it.
    later(10);
    await send();
    expect(pushesOf(portal.delivered, code)).toEqual([2, 4]);
    expect(await synced(code)).toBe(true);
  });

  it("sends no dossier's later status before the earlier one is acknowledged", async () => {
    portal.next('fail');
    const code = await receive();
    await step(code);
    await send();
    expect(pushesOf(portal.requests, code)).toEqual([2]);
    later(10);
    await send();
    expect(pushesOf(portal.requests, code)).toEqual([2, 2, 4]);
    expect(pushesOf(portal.delivered, code)).toEqual([2, 4]);
  });

  it('sends again with the same key when the acknowledgement was lost, and the portal keeps one', async () => {
    portal.next('accept-then-drop');
    const code = await receive();
    await send();
    later(10);
    await send();
    const tries = portal.requests.filter((r) => r.body.dossierCode === code);
    expect(tries).toHaveLength(2);
    expect(tries[0].headers['idempotency-key']).toBe(tries[1].headers['idempotency-key']);
    expect(pushesOf(portal.delivered, code)).toEqual([2]);
    expect(await synced(code)).toBe(true);
  });

  it('tells the portal of a new appointment (Form 04) without a status change', async () => {
    const code = await receive();
    await api.ok(
      `mutation ($code: String!) { extendDossier(code: $code, appointment: "2026-03-12T02:00:00Z", reason: "Chờ xác minh") { code } }`,
      { code },
      tokens.leader,
    );
    await send();
    const mine = portal.delivered.filter((r) => r.body.dossierCode === code);
    expect(mine.map((r) => [r.body.change, r.body.statusCode, r.body.appointmentAt])).toEqual([
      ['STATUS', 2, '2026-03-05T02:00:00.000Z'],
      ['APPOINTMENT', 2, '2026-03-12T02:00:00.000Z'],
    ]);
  });

  it('scores the dossiers synchronized in the 766 index from the acknowledgements', async () => {
    await portal.stop();
    await receive();
    await send();
    const { serviceIndex } = await api.ok(
      `{ serviceIndex(from: "2026-03-01", to: "2026-03-31") {
         groups { indicators { id source numerator denominator } } } }`,
      {},
      tokens.reception,
    );
    const indicator = serviceIndex.groups
      .flatMap((g: { indicators: object[] }) => g.indicators)
      .find((i: { id: string }) => i.id === 'PORTAL_SYNCHRONIZED');
    // The five dossiers above acknowledged; this last one waits for the portal.
    expect(indicator).toEqual({
      id: 'PORTAL_SYNCHRONIZED',
      source: 'OBSERVED',
      numerator: 5,
      denominator: 6,
    });
    await portal.start();
  });
});
