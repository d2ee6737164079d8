import { Writable } from 'node:stream';
import pino from 'pino';
import { transportsFrom } from '../../../src/jobs/notify/transports';
import type { JobRunner } from '../../../src/jobs/runner';
import { startOutboxRunner } from '../../support/runner';
import { claimDispatches } from '../../../src/store/dispatch';
import { bpmnProcess } from '../../support/bpmn';
import { snapshotDatabase } from '../../support/database';
import { apiSuite } from '../../support/flows';
import { startProvider, type TestProvider } from '../../support/provider-server';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp';

const PHONE = '0912345678';
const EMAIL = 'binh.nguyen@example.vn';
const NAME = 'Nguyễn Thị Bình';

/**
 * Citizens are told of each turn of their dossier by the channel they chose, through the outbox:
 * e-mail over a real SMTP server, SMS and Zalo over their providers' HTTP APIs; once each, even
 * when a provider drops the line or the runner dies mid-send; an opt-out is respected, a failure
 * becomes an incident, and nothing personal reaches the logs.
 */
describe("citizens' notifications", () => {
  // Monday 2 March 2026, 09:00 in Hanoi.
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  let smtp: TestSmtpServer;
  let sms: TestProvider;
  let zalo: TestProvider;
  let runner: JobRunner;
  let send: () => Promise<void>;
  let later: (seconds: number) => void;
  const suite = apiSuite(clock, {
    beforeClose: async () => {
      await runner?.stop();
      await Promise.all([smtp?.close(), sms?.stop(), zalo?.stop()]);
    },
  });
  const logs: string[] = [];
  let reception = '';
  let leader = '';

  const receive = async (notifyBy: string | null) =>
    (
      await suite.api.ok<{ receiveDossier: { code: string } }>(
        `mutation ($notifyBy: NotificationChannel, $name: String!, $phone: String!, $email: String!) {
           receiveDossier(input: { procedureKey: "marital-status", notifyBy: $notifyBy,
             applicant: { name: $name, idNumber: "001085001234", phone: $phone, email: $email },
             components: [] }) { code } }`,
        { notifyBy, name: NAME, phone: PHONE, email: EMAIL },
        reception,
      )
    ).receiveDossier.code;
  const dispatches = async (code: string) =>
    (
      await suite.api.ok<{ dossier: { dispatches: Record<string, unknown>[] } }>(
        `query ($code: String!) { dossier(code: $code) {
           dispatches { topic event channel outcome attempts lastError } } }`,
        { code },
        reception,
      )
    ).dossier.dispatches;

  beforeAll(async () => {
    reception = await suite.api.officer('le.tiepnhan', ['reception']);
    leader = await suite.api.officer('nguyen.chutich', ['leader']);
    await suite.f.deploy(
      bpmnProcess(
        'marital-status',
        `<bpmn:startEvent id="start" />
         <bpmn:userTask id="verify" name="Xác minh" camunda:candidateGroups="civil_status" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="verify" />`,
        'tthc:statutoryDuration="3 working days" tthc:procedureCode="1.004873"',
      ),
    );
    smtp = await startSmtpServer();
    const keyed = {
      keyOf: (r: { body: Record<string, unknown> }) =>
        String(r.body.requestId ?? r.body.tracking_id),
    };
    sms = await startProvider({
      ...keyed,
      answer: (r) => ({ messageId: `sms-${String(r.body.requestId)}` }),
    });
    zalo = await startProvider({
      ...keyed,
      answer: () => ({ error: 0, message: 'Success', data: { msg_id: 'z1' } }),
    });
    await startRunner();
  });
  /** The server's runner starts (again), with every provider, logging everything to `logs`. */
  const startRunner = async () => {
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        logs.push(String(chunk));
        done();
      },
    });
    ({ runner, send, later } = await startOutboxRunner(
      suite.api.database.store,
      clock,
      {
        transports: transportsFrom({
          email: { url: smtp.url, from: '"Bộ phận Một cửa" <motcua@xa-test.gov.vn>' },
          sms: { url: sms.url, apiKey: 'sms-key', brandname: 'UBND XA' },
          zalo: { url: zalo.url, accessToken: 'zalo-token', templateId: '301234' },
        }),
      },
      pino({ level: 'debug' }, logStream),
    ));
  };
  it('tells the citizen of the reception by e-mail, in Vietnamese, once', async () => {
    const code = await receive('EMAIL');
    await send();
    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail.to).toEqual([EMAIL]);
    expect(decodeMail(mail.raw)).toContain(`đã tiếp nhận hồ sơ ${code}`);
    expect(await dispatches(code)).toEqual([
      {
        topic: 'NOTIFY',
        event: 'RECEIVED',
        channel: 'EMAIL',
        outcome: 'SENT',
        attempts: 1,
        lastError: null,
      },
    ]);
  });

  it('sends an SMS without marks and a Zalo message by the template, each with its key', async () => {
    const bySms = await receive('SMS');
    const byZalo = await receive('ZALO');
    await send();
    const [smsRequest] = sms.delivered;
    expect(smsRequest.headers.authorization).toBe('Bearer sms-key');
    expect(smsRequest.body).toMatchObject({ phone: PHONE, brandname: 'UBND XA' });
    expect(smsRequest.body.content).toContain(`da tiep nhan ho so ${bySms}`);
    const [zaloRequest] = zalo.delivered;
    expect(zaloRequest.headers.access_token).toBe('zalo-token');
    expect(zaloRequest.body).toMatchObject({
      phone: '84912345678',
      template_id: '301234',
      template_data: { dossier_code: byZalo },
    });
  });

  it('words the messages as the administrator set, and refuses a template it could not send', async () => {
    const refused = await suite.api.graphql(
      `mutation { setNotificationTemplate(event: SUPPLEMENT, text: "Hồ sơ {ma_ho_so} thiếu giấy tờ") { text } }`,
    );
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    await suite.api.ok(
      `mutation { setNotificationTemplate(event: SUPPLEMENT, text: "Hồ sơ {code}: mời ông/bà bổ sung giấy tờ tại {agency}.") { isDefault } }`,
    );
    const code = await receive('SMS');
    await suite.api.ok(
      `mutation ($code: String!) { requestSupplement(code: $code, missing: ["Tờ khai"], reason: "Thiếu tờ khai") { code } }`,
      { code },
      reception,
    );
    await send();
    const texts = sms.delivered.filter((r) => String(r.body.content).includes(code));
    expect(texts.map((r) => r.body.content)).toEqual([
      expect.stringContaining('da tiep nhan'),
      expect.stringContaining(`Ho so ${code}: moi ong/ba bo sung giay to tai`),
    ]);
  });

  it('tells of the new appointment once the papers asked for arrive, in order', async () => {
    const code = await receive('SMS');
    await suite.api.ok(
      `mutation ($code: String!) { requestSupplement(code: $code, missing: ["Tờ khai"], reason: "Thiếu tờ khai") { code } }`,
      { code },
      reception,
    );
    // A working day later the papers come: the clock runs again, the appointment a day later.
    later(24 * 3600);
    await suite.api.ok(
      `mutation ($code: String!) { submitSupplement(code: $code, components: [{ name: "Tờ khai", kind: ORIGINAL }]) { code } }`,
      { code },
      reception,
    );
    await send();
    expect((await dispatches(code)).map((d) => [d.event, d.outcome])).toEqual([
      ['RECEIVED', 'SENT'],
      ['SUPPLEMENT', 'SENT'],
      ['APPOINTMENT', 'SENT'],
    ]);
    const texts = sms.delivered.filter((r) => String(r.body.content).includes(code));
    expect(texts.map((r) => r.body.content)).toEqual([
      expect.stringContaining('da tiep nhan'),
      expect.stringContaining('bo sung'),
      expect.stringContaining('ngay hen tra ket qua moi'),
    ]);
  });

  it('tells no one who opted out, nor a citizen who chose no channel', async () => {
    const code = await receive('SMS');
    await send();
    const before = sms.delivered.length;
    await suite.api.ok(
      `mutation ($code: String!) { stopNotifications(code: $code, phoneLast4: "5678") }`,
      { code },
      null as unknown as string,
    );
    await suite.api.ok(
      `mutation ($code: String!) { extendDossier(code: $code, appointment: "2026-03-12T02:00:00Z", reason: "Chờ xác minh") { code } }`,
      { code },
      leader,
    );
    const silent = await receive(null);
    await send();
    expect(sms.delivered.length).toBe(before);
    // The new appointment is not even queued: the citizen's choice is read in its transaction.
    expect((await dispatches(code)).map((d) => [d.event, d.outcome])).toEqual([
      ['RECEIVED', 'SENT'],
    ]);
    expect(await dispatches(silent)).toEqual([]);
  });

  it('refuses a channel the applicant cannot be reached by, changing nothing', async () => {
    const before = await snapshotDatabase(suite.api.database.dataSource);
    const { errors } = await suite.api.graphql(
      `mutation { receiveDossier(input: { procedureKey: "marital-status", notifyBy: EMAIL,
         applicant: { name: "Trần Văn Cường", idNumber: "001085001234", phone: "0987654321" },
         components: [] }) { code } }`,
      {},
      reception,
    );
    expect(errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'applicant.email',
    });
    expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(before);
  });

  it('sends an e-mail once when the mail server drops the line mid-message', async () => {
    const mails = smtp.mails.length;
    smtp.dropNext(1);
    const code = await receive('EMAIL');
    await send();
    expect(smtp.mails.length).toBe(mails);
    expect((await dispatches(code))[0]).toMatchObject({ outcome: null, attempts: 1 });
    later(10);
    await send();
    expect(smtp.mails.length).toBe(mails + 1);
    expect((await dispatches(code))[0]).toMatchObject({ outcome: 'SENT', attempts: 2 });
  });

  it('delivers an SMS once when the provider took it but the answer was lost', async () => {
    sms.next('accept-then-drop');
    const code = await receive('SMS');
    await send();
    later(10);
    await send();
    const mine = sms.requests.filter((r) => String(r.body.content).includes(code));
    expect(mine).toHaveLength(2);
    expect(mine[0].body.requestId).toBe(mine[1].body.requestId);
    expect(sms.delivered.filter((r) => String(r.body.content).includes(code))).toHaveLength(1);
    expect((await dispatches(code))[0]).toMatchObject({ outcome: 'SENT', attempts: 2 });
  });

  it('sends what a runner that died mid-send held, once its hold runs out', async () => {
    // The server is down while the dossier is received; another server's runner takes the
    // notification and dies with it.
    await runner.stop();
    const code = await receive('ZALO');
    const taken = await claimDispatches(suite.api.database.store, {
      topic: 'NOTIFY',
      channels: ['ZALO'],
      holder: 'a-runner-that-died',
      max: 10,
      lockSeconds: 30,
      now: clock.now,
    });
    expect(taken.map((row) => row.dossierCode)).toEqual([code]);
    await startRunner();
    await send();
    const count = () =>
      zalo.delivered.filter(
        (r) => (r.body.template_data as { dossier_code: string }).dossier_code === code,
      ).length;
    expect(count()).toBe(0);
    later(31);
    await send();
    expect(count()).toBe(1);
  });

  it('opens an incident after five failures, and sends on its retry', async () => {
    sms.next('fail', 'fail', 'fail', 'fail', 'fail');
    const code = await receive('SMS');
    for (let attempt = 0; attempt < 5; attempt++) {
      await send();
      later(3600);
    }
    expect((await dispatches(code))[0]).toMatchObject({
      outcome: 'FAILED',
      attempts: 5,
      lastError: 'SMS provider answered HTTP 503 UNAVAILABLE',
    });
    const { incidents } = await suite.api.ok(
      `{ incidents(filter: { status: OPEN, jobType: "notification" }) { id elementId message } }`,
    );
    expect(incidents).toEqual([
      {
        id: expect.any(String),
        elementId: 'notify:RECEIVED',
        message: `${code}: SMS provider answered HTTP 503 UNAVAILABLE`,
      },
    ]);
    await suite.api.ok(`mutation ($id: ID!) { retryIncident(id: $id) { status } }`, {
      id: incidents[0].id,
    });
    await send();
    expect((await dispatches(code))[0]).toMatchObject({ outcome: 'SENT', attempts: 1 });
  });

  it('writes no name, number or address to the logs', () => {
    const all = logs.join('\n');
    expect(all).toContain('outbox row not sent');
    for (const personal of [PHONE, EMAIL, NAME, '84912345678']) expect(all).not.toContain(personal);
  });
});

/** The text of an e-mail as sent (quoted-printable or base64, UTF-8). */
function decodeMail(raw: string): string {
  const [, body = raw] = raw.split(/\r?\n\r?\n/);
  const softBreaks = body.replace(/=\r?\n/g, '');
  const quoted = softBreaks.replace(/(=[0-9A-F]{2})+/g, (run) =>
    Buffer.from(run.replace(/=/g, ''), 'hex').toString('utf8'),
  );
  return /^[A-Za-z0-9+/=\r\n]+$/.test(body.trim())
    ? Buffer.from(body, 'base64').toString('utf8')
    : quoted;
}
