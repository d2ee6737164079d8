import { fireDueTimers } from '../../../src/jobs/timers';
import { snapshotDatabase } from '../../support/database';
import { workTask } from '../../support/dossiers';
import { apiSuite } from '../../support/flows';
import { readProjectFile } from '../../support/models';

const DOSSIER = `code status statusCode statusLabel channel receivedAt receivedBy appointmentAt late
  finishedAt returnedAt supplementRequests
  applicant { name idNumber phone }
  components { name kind count digitized }
  procedure { key procedureCode }
  processInstance { businessKey status clockPausedAt openTasks { id elementId } }
  forms { number issuedBy content }`;

const PAPERS = [
  { name: 'Tờ khai đăng ký khai sinh', kind: 'ORIGINAL' },
  {
    name: 'Giấy chứng sinh (hoặc văn bản xác nhận của người làm chứng)',
    kind: 'ORIGINAL',
    digitized: true,
  },
];

const APPLICANT = { name: 'Nguyễn Thị Bình', idNumber: '001190012345', phone: '0912 345 678' };

/** A dossier's life at the one-stop desk, with its birth registration process moving along. */
describe('dossiers', () => {
  // Monday 2 March 2026, 09:00 in Hanoi.
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const suite = apiSuite(clock);
  const tokens: Record<string, string> = {};
  const as = (who: string) => tokens[who];
  const receive = (input: Record<string, unknown>, who = 'reception') =>
    suite.api.graphql(
      `mutation ($input: ReceiveDossierInput!) { receiveDossier(input: $input) { ${DOSSIER} } }`,
      { input: { procedureKey: 'birth-registration', applicant: APPLICANT, ...input } },
      as(who),
    );
  const dossier = async (code: string, who = 'reception') =>
    (
      await suite.api.ok(
        `query ($code: String!) { dossier(code: $code) { ${DOSSIER} } }`,
        { code },
        as(who),
      )
    ).dossier;
  /** The officer claims and completes the dossier's open task at `elementId`. */
  const work = (code: string, elementId: string, who: string, variables = {}) =>
    workTask(suite.api, { code, elementId, token: as(who), reader: as('reception'), variables });

  beforeAll(async () => {
    await suite.api.ok(
      `mutation { createAgency(code: "xa-xuan-hoa", name: "UBND xã Xuân Hòa", kind: "commune", dossierPrefix: "000.00.06.H56") { code } }`,
    );
    tokens.reception = await suite.api.officer('le.tiepnhan', ['reception'], 'xa-xuan-hoa');
    tokens.civil = await suite.api.officer('tran.hotich', ['civil_status'], 'xa-xuan-hoa');
    tokens.leader = await suite.api.officer('nguyen.chutich', ['leader'], 'xa-xuan-hoa');
    tokens.elsewhere = await suite.api.officer('ho.tiepnhan', ['reception'], 'xa-tan-lap');
    await suite.f.deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
  });

  it('receives a complete dossier under the next code of the day, with its receipt and appointment', async () => {
    const { data, errors } = await receive({ components: PAPERS });
    expect(errors).toBeUndefined();
    expect(data?.receiveDossier).toMatchObject({
      code: '000.00.06.H56-260302-0001',
      status: 'RECEIVED',
      statusCode: 2,
      statusLabel: 'Đã tiếp nhận',
      channel: 'IN_PERSON',
      receivedBy: 'le.tiepnhan',
      // Within the working day: by the close of Monday.
      appointmentAt: '2026-03-02T10:00:00.000Z',
      late: false,
      applicant: { name: 'Nguyễn Thị Bình', idNumber: '001190012345', phone: '0912345678' },
      procedure: { key: 'birth-registration', procedureCode: '1.001193' },
      processInstance: {
        businessKey: '000.00.06.H56-260302-0001',
        status: 'ACTIVE',
        clockPausedAt: null,
        openTasks: [{ elementId: 'Task_Receive' }],
      },
    });
    const [receipt] = data!.receiveDossier.forms;
    expect(receipt).toMatchObject({
      number: '01',
      issuedBy: 'le.tiepnhan',
      content: {
        agency: 'UBND xã Xuân Hòa',
        procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
        statutoryDuration: 'within the working day',
        receivedAt: '2026-03-02T02:00:00.000Z',
        appointmentAt: '2026-03-02T10:00:00.000Z',
      },
    });
    expect(receipt.content.components).toHaveLength(2);
  });

  it('refuses a dossier missing a required paper, naming it, and spends no code', async () => {
    const before = await snapshotDatabase(suite.api.database.dataSource);
    const { errors } = await receive({ components: PAPERS.slice(0, 1) });
    expect(errors?.[0].extensions).toMatchObject({
      code: 'COMPONENTS_MISSING',
      field: 'components',
      components: ['Giấy chứng sinh (hoặc văn bản xác nhận của người làm chứng)'],
      // What the officer reads, in Vietnamese.
      userMessage: expect.stringMatching(
        /^Hồ sơ còn thiếu giấy tờ: Giấy chứng sinh \(hoặc văn bản xác nhận của người làm chứng\)\./,
      ),
    });
    expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(before);
    const next = await receive({ components: PAPERS });
    expect(next.data?.receiveDossier.code).toBe('000.00.06.H56-260302-0002');
  });

  it('receives with a supplement request, stops the clock, and moves the appointment when the papers come', async () => {
    const { data } = await receive({ components: PAPERS.slice(0, 1), requestMissing: true });
    const received = data?.receiveDossier;
    expect(received).toMatchObject({
      code: '000.00.06.H56-260302-0003',
      status: 'SUPPLEMENT_REQUESTED',
      statusCode: 5,
      supplementRequests: 1,
      processInstance: { clockPausedAt: '2026-03-02T02:00:00.000Z' },
    });
    expect(received.forms.map((f: any) => f.number)).toEqual(['01', '02']);
    expect(received.forms[1].content).toEqual({
      missing: ['Giấy chứng sinh (hoặc văn bản xác nhận của người làm chứng)'],
      reason: 'Thiếu thành phần hồ sơ khi tiếp nhận',
    });
    // The papers arrive on Tuesday at 09:00: 450 working minutes later (Monday 09:00–11:30 and
    // 13:30–17:00, Tuesday 07:30–09:00). The appointment, Monday 17:00, moves by as much:
    // Tuesday's 450 minutes, to its close.
    clock.now = new Date('2026-03-03T02:00:00Z');
    const supplemented = await suite.api
      .ok(
        `mutation ($code: String!, $c: [ComponentInput!]!) { submitSupplement(code: $code, components: $c) { ${DOSSIER} } }`,
        { code: received.code, c: PAPERS.slice(1) },
        as('reception'),
      )
      .finally(() => (clock.now = new Date('2026-03-02T02:00:00Z')));
    expect(supplemented.submitSupplement).toMatchObject({
      status: 'IN_PROGRESS',
      appointmentAt: '2026-03-03T10:00:00.000Z',
      processInstance: { clockPausedAt: null },
      late: false,
    });
    expect(supplemented.submitSupplement.components).toHaveLength(2);
  });

  it('moves the national status with the process, and returns the result once processed', async () => {
    const code = '000.00.06.H56-260302-0001';
    await work(code, 'Task_Receive', 'reception');
    expect((await dossier(code)).status).toBe('IN_PROGRESS');
    const early = await suite.api.graphql(
      `mutation ($code: String!) { returnResult(code: $code) { code } }`,
      { code },
      as('reception'),
    );
    expect(early.errors?.[0].extensions).toMatchObject({
      code: 'DOSSIER_INVALID_STATE',
      status: 'IN_PROGRESS',
      dossierCode: code,
      userMessage: `Hồ sơ ${code} đang ở trạng thái «Đang giải quyết», không thực hiện được thao tác này.`,
    });
    await work(code, 'Task_Check', 'civil', { complete: true });
    await work(code, 'Task_Sign', 'leader');
    await work(code, 'Task_ReturnResult', 'reception');
    expect(await dossier(code)).toMatchObject({
      status: 'PROCESSED',
      statusCode: 9,
      finishedAt: '2026-03-02T02:00:00.000Z',
    });
    const { dossier: sheet } = await suite.api.ok(
      `query ($code: String!) { dossier(code: $code) { controlSheet { step agency giver receiver handedOverAt result } } }`,
      { code },
      as('reception'),
    );
    const handedAt = '2026-03-02T02:00:00.000Z';
    expect(sheet.controlSheet).toEqual(
      [
        ['Tiếp nhận hồ sơ', 'le.tiepnhan', 'le.tiepnhan'],
        ['Thẩm định hồ sơ', 'le.tiepnhan', 'tran.hotich'],
        ['Ký duyệt kết quả', 'tran.hotich', 'nguyen.chutich'],
        ['Trả kết quả', 'nguyen.chutich', 'le.tiepnhan'],
      ].map(([step, giver, receiver]) => ({
        step,
        agency: 'xa-xuan-hoa',
        giver,
        receiver,
        handedOverAt: handedAt,
        // Done the day of the appointment, before it.
        result: 'ON_TIME',
      })),
    );
    const returned = await suite.api.ok(
      `mutation ($code: String!) { returnResult(code: $code) { status statusCode returnedAt } }`,
      { code },
      as('reception'),
    );
    expect(returned.returnResult).toEqual({
      status: 'RETURNED',
      statusCode: 10,
      returnedAt: '2026-03-02T02:00:00.000Z',
    });
  });

  it('refuses a dossier with the reason (Form 03), ending its process', async () => {
    const { data } = await receive({ components: PAPERS });
    const code = data?.receiveDossier.code;
    const refused = await suite.api.ok(
      `mutation ($code: String!) { refuseDossier(code: $code, reason: "Không thuộc thẩm quyền giải quyết của xã") { ${DOSSIER} } }`,
      { code },
      as('reception'),
    );
    expect(refused.refuseDossier).toMatchObject({
      status: 'REFUSED',
      statusCode: 3,
      processInstance: { status: 'TERMINATED', openTasks: [] },
    });
    expect(refused.refuseDossier.forms.at(-1)).toMatchObject({
      number: '03',
      content: { reason: 'Không thuộc thẩm quyền giải quyết của xã' },
    });
    const again = await suite.api.graphql(
      `mutation ($code: String!) { refuseDossier(code: $code, reason: "Lần nữa") { code } }`,
      { code },
      as('reception'),
    );
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'DOSSIER_INVALID_STATE',
      status: 'REFUSED',
    });
  });

  it('gives one dossier for one online submission, however often it arrives', async () => {
    const submit = () =>
      receive({ components: PAPERS, channel: 'ONLINE_FULL', submissionId: 'DVCQG-2026-000123' });
    const answers = await Promise.all([submit(), submit(), submit()]);
    const codes = answers.map((a) => a.data?.receiveDossier.code);
    expect(new Set(codes).size).toBe(1);
    expect((await submit()).data?.receiveDossier.code).toBe(codes[0]);
  });

  it('numbers concurrent receptions without gaps or repeats', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => receive({ components: PAPERS })),
    );
    const codes = answers.map((a) => a.data?.receiveDossier.code).sort();
    const numbers = codes.map((code) => Number(code.slice(-4)));
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, n) => numbers[0] + n));
    const { dossiers } = await suite.api.ok(
      `{ dossiers(first: 100) { totalCount edges { node { code } } } }`,
      {},
      as('reception'),
    );
    const all = dossiers.edges
      .map((e: any) => Number(e.node.code.slice(-4)))
      .sort((a: number, b: number) => a - b);
    expect(all).toEqual(Array.from({ length: all.length }, (_, n) => n + 1));
  });

  it('records the fees paid, and refuses more than is due', async () => {
    const { data } = await receive({ components: PAPERS, feeAmount: 16000 });
    const code = data?.receiveDossier.code;
    const pay = (amount: number, method: string) =>
      suite.api.graphql(
        `mutation ($code: String!, $amount: Int!, $method: PaymentMethod!) { recordPayment(code: $code, amount: $amount, method: $method) {
           feeAmount paidAmount payments { amount method recordedBy } } }`,
        { code, amount, method },
        as('reception'),
      );
    expect((await pay(8000, 'CASH')).data?.recordPayment).toEqual({
      feeAmount: 16000,
      paidAmount: 8000,
      payments: [{ amount: 8000, method: 'CASH', recordedBy: 'le.tiepnhan' }],
    });
    const before = await snapshotDatabase(suite.api.database.dataSource);
    const over = await pay(10000, 'QR');
    expect(over.errors?.[0]).toMatchObject({
      message: `Dossier '${code}' has 8000 đồng left to pay, not 10000`,
      extensions: { code: 'BAD_USER_INPUT', field: 'amount' },
    });
    expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(before);
    expect((await pay(8000, 'QR')).data?.recordPayment.paidAmount).toBe(16000);
  });

  it('keeps the tracking book of the period (Form 07)', async () => {
    const { trackingBook } = await suite.api.ok(
      `{ trackingBook(from: "2026-03-01T17:00:00Z", to: "2026-03-02T17:00:00Z") {
         number code request papers applicant phone receivedAt appointmentAt returnedAt note } }`,
      {},
      as('reception'),
    );
    expect(trackingBook[0]).toEqual({
      number: 1,
      code: '000.00.06.H56-260302-0001',
      request: 'Đăng ký khai sinh',
      papers: 2,
      applicant: 'Nguyễn Thị Bình',
      phone: '0912345678',
      receivedAt: '2026-03-02T02:00:00.000Z',
      appointmentAt: '2026-03-02T10:00:00.000Z',
      returnedAt: '2026-03-02T02:00:00.000Z',
      note: 'Đã trả kết quả',
    });
    expect(trackingBook.map((line: { number: number }) => line.number)).toEqual(
      trackingBook.map((_: unknown, index: number) => index + 1),
    );
    const other = await suite.api.ok(
      `{ trackingBook(from: "2026-03-01T17:00:00Z", to: "2026-03-02T17:00:00Z") { code } }`,
      {},
      as('elsewhere'),
    );
    expect(other.trackingBook).toEqual([]);
  });

  it('waits, its clock stopped, for a financial obligation to be paid', async () => {
    const { data } = await receive({ components: PAPERS });
    const code = data?.receiveDossier.code;
    await work(code, 'Task_Receive', 'reception');
    const asked = await suite.api.ok(
      `mutation ($code: String!) { requestPayment(code: $code, amount: 100000) { status statusCode feeAmount processInstance { clockPausedAt } } }`,
      { code },
      as('civil'),
    );
    expect(asked.requestPayment).toEqual({
      status: 'PAYMENT_REQUESTED',
      statusCode: 6,
      feeAmount: 100000,
      processInstance: { clockPausedAt: '2026-03-02T02:00:00.000Z' },
    });
    const { processInstance } = await dossier(code);
    const check = processInstance.openTasks[0];
    await suite.api.ok(
      `mutation ($id: ID!) { claimTask(id: $id) { id } }`,
      { id: check.id },
      as('civil'),
    );
    const early = await suite.api.graphql(
      `mutation ($id: ID!) { completeTask(id: $id, variables: { complete: true }) { id } }`,
      { id: check.id },
      as('civil'),
    );
    expect(early.errors?.[0].extensions?.code).toBe('DOSSIER_INVALID_STATE');
    const pay = (amount: number) =>
      suite.api.ok(
        `mutation ($code: String!, $amount: Int!) { recordPayment(code: $code, amount: $amount, method: BANK_TRANSFER) { status paidAmount processInstance { clockPausedAt } } }`,
        { code, amount },
        as('reception'),
      );
    expect((await pay(60000)).recordPayment).toMatchObject({ status: 'PAYMENT_REQUESTED' });
    expect((await pay(40000)).recordPayment).toEqual({
      status: 'IN_PROGRESS',
      paidAmount: 100000,
      processInstance: { clockPausedAt: null },
    });
  });

  it('hands the result over only once the fees are paid', async () => {
    const { data } = await receive({ components: PAPERS, feeAmount: 8000 });
    const code = data?.receiveDossier.code;
    await work(code, 'Task_Receive', 'reception');
    await work(code, 'Task_Check', 'civil', { complete: true });
    await work(code, 'Task_Sign', 'leader');
    await work(code, 'Task_ReturnResult', 'reception');
    const ret = () =>
      suite.api.graphql(
        `mutation ($code: String!) { returnResult(code: $code) { status } }`,
        { code },
        as('reception'),
      );
    const unpaid = await ret();
    expect(unpaid.errors?.[0]).toMatchObject({
      message: expect.stringContaining('8000 đồng of fees unpaid'),
      extensions: { code: 'DOSSIER_INVALID_STATE', dossierCode: code },
    });
    await suite.api.ok(
      `mutation ($code: String!) { recordPayment(code: $code, amount: 8000, method: CASH) { code } }`,
      { code },
      as('reception'),
    );
    expect((await ret()).data?.returnResult).toEqual({ status: 'RETURNED' });
  });

  it('shows a dossier to its own agency only, and finds dossiers by filter', async () => {
    const other = await suite.api.graphql(
      `{ dossier(code: "000.00.06.H56-260302-0001") { code } }`,
      {},
      as('elsewhere'),
    );
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      (await suite.api.ok(`{ dossiers { totalCount } }`, {}, as('elsewhere'))).dossiers.totalCount,
    ).toBe(0);
    const waiting = await suite.api.ok(
      `{ dossiers(filter: { status: REFUSED }) { edges { node { code status } } } }`,
      {},
      as('reception'),
    );
    expect(waiting.dossiers.edges.map((e: any) => e.node.status)).toEqual(['REFUSED']);
    const online = await suite.api.ok(
      `{ dossiers(filter: { channel: ONLINE_FULL, field: "civil_status" }) { totalCount } }`,
      {},
      as('reception'),
    );
    expect(online.dossiers.totalCount).toBe(1);
    const land = await suite.api.ok(
      `{ dossiers(filter: { field: "land" }) { totalCount } }`,
      {},
      as('reception'),
    );
    expect(land.dossiers.totalCount).toBe(0);
    const across = await suite.api.graphql(
      `{ dossiers(filter: { agencyCode: "xa-xuan-hoa" }) { totalCount } }`,
      {},
      as('elsewhere'),
    );
    expect(across.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'filter.agencyCode',
    });
  });

  it('finds the dossiers due before a time, and those marked overdue once their appointment passes', async () => {
    const { data } = await receive({ components: PAPERS });
    const { code, appointmentAt } = data!.receiveDossier;
    const codes = async (filter: string) =>
      (
        await suite.api.ok(
          `{ dossiers(first: 100, filter: ${filter}) { edges { node { code } } } }`,
          {},
          as('reception'),
        )
      ).dossiers.edges.map((e: any) => e.node.code);
    const due = new Date(appointmentAt);
    const justAfter = new Date(due.getTime() + 60_000).toISOString();
    expect(
      await codes(`{ procedureKey: "birth-registration", dueBefore: "${justAfter}" }`),
    ).toContain(code);
    expect(await codes(`{ dueBefore: "${appointmentAt}" }`)).not.toContain(code);
    expect(await codes(`{ procedureKey: "land-change" }`)).toEqual([]);
    expect(await codes('{ overdue: true }')).not.toContain(code);

    // The appointment passes with the dossier still open: the deadline job marks it.
    await fireDueTimers(suite.api.database.store, new Date(due.getTime() + 3_600_000));
    expect(await codes('{ overdue: true }')).toContain(code);
    expect(await codes('{ overdue: false }')).not.toContain(code);
  });

  it('pages through its dossiers newest first, each once, however many share a reception time', async () => {
    const list = async (first: number, after?: string) =>
      (
        await suite.api.ok(
          `query ($first: Int, $after: String) { dossiers(first: $first, after: $after) {
             totalCount edges { node { code receivedAt } } pageInfo { hasNextPage endCursor } } }`,
          { first, after },
          as('reception'),
        )
      ).dossiers;
    const whole = await list(100);
    expect(whole.pageInfo.hasNextPage).toBe(false);
    const codes = whole.edges.map((e: any) => e.node.code);
    const times = whole.edges.map((e: any) => e.node.receivedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(new Set(times).size).toBeLessThan(times.length);

    const paged: string[] = [];
    let after: string | undefined;
    for (let more = true; more;) {
      const page = await list(3, after);
      expect(page.totalCount).toBe(codes.length);
      paged.push(...page.edges.map((e: any) => e.node.code));
      ({ hasNextPage: more, endCursor: after } = page.pageInfo);
    }
    expect(paged).toEqual(codes);
  });
});
