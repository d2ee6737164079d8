import { apiSuite } from '../../support/flows';
import { readProjectFile } from '../../support/models';

/**
 * Joint group 1 (Decree 63/2024) across three agencies: the commune receives, registers the birth
 * and signs; the commune police and social insurance work in parallel, each in its own inbox;
 * the commune returns the results. Status codes, forms and the control sheet at every step.
 */
describe('joint group 1: birth, permanent residence, health insurance card', () => {
  // Monday 2 March 2026, 09:00 in Hanoi.
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const suite = apiSuite(clock);
  const tokens: Record<string, string> = {};
  let code = '';

  const dossier = async () =>
    (
      await suite.api.ok(
        `query ($code: String!) { dossier(code: $code) {
           status statusCode appointmentAt late forms { number content }
           processInstance { id status openTasks { id elementId agency candidateGroups dueAt } }
           controlSheet { step agency giver receiver result } } }`,
        { code },
        tokens.reception,
      )
    ).dossier;
  const taskAt = async (elementId: string) =>
    (await dossier()).processInstance.openTasks.find(
      (t: { elementId: string }) => t.elementId === elementId,
    );
  const act = (mutation: 'claimTask' | 'completeTask', id: string, who: string) =>
    suite.api.graphql(`mutation ($id: ID!) { ${mutation}(id: $id) { id } }`, { id }, tokens[who]);
  const work = async (elementId: string, who: string) => {
    const task = await taskAt(elementId);
    expect([elementId, (await act('claimTask', task.id, who)).errors]).toEqual([
      elementId,
      undefined,
    ]);
    expect([elementId, (await act('completeTask', task.id, who)).errors]).toEqual([
      elementId,
      undefined,
    ]);
  };

  beforeAll(async () => {
    for (const agency of [
      `code: "xa-xuan-hoa", name: "UBND xã Xuân Hòa", kind: "commune", dossierPrefix: "000.00.06.H56"`,
      `code: "ca-xa-xuan-hoa", name: "Công an xã Xuân Hòa", kind: "police", serves: ["xa-xuan-hoa"]`,
      `code: "bhxh-khu-vuc-1", name: "BHXH khu vực I", kind: "social_insurance", serves: ["xa-xuan-hoa"]`,
      // Another commune of the province, where a family received at Xuân Hòa may live.
      `code: "xa-dong-son", name: "UBND xã Đông Sơn", kind: "commune"`,
      `code: "ca-xa-dong-son", name: "Công an xã Đông Sơn", kind: "police", serves: ["xa-dong-son"]`,
      `code: "bhxh-khu-vuc-2", name: "BHXH khu vực II", kind: "social_insurance", serves: ["xa-dong-son"]`,
    ]) {
      await suite.api.ok(`mutation { createAgency(${agency}) { code } }`);
    }
    tokens.reception = await suite.api.officer('le.tiepnhan', ['reception'], 'xa-xuan-hoa');
    tokens.civil = await suite.api.officer('tran.hotich', ['civil_status'], 'xa-xuan-hoa');
    tokens.leader = await suite.api.officer('nguyen.chutich', ['leader'], 'xa-xuan-hoa');
    tokens.police = await suite.api.officer('trinh.congan', ['police'], 'ca-xa-xuan-hoa');
    tokens.insurance = await suite.api.officer('mai.bhxh', ['social_insurance'], 'bhxh-khu-vuc-1');
    tokens.residencePolice = await suite.api.officer('ha.congan', ['police'], 'ca-xa-dong-son');
    tokens.residenceInsurance = await suite.api.officer(
      'vu.bhxh',
      ['social_insurance'],
      'bhxh-khu-vuc-2',
    );
    const deployed = await suite.f.deploy(
      readProjectFile('processes/joint/birth-residence-insurance.bpmn'),
    );
    expect(deployed.warnings).toEqual([]);
  });

  it('walks the dossier through the three agencies', async () => {
    const { receiveDossier } = await suite.api.ok(
      `mutation { receiveDossier(input: {
         procedureKey: "joint-birth-residence-insurance",
         applicant: { name: "Nguyễn Thị Bình", idNumber: "001190012345", phone: "0912345678" },
         components: [
           { name: "Tờ khai đăng ký khai sinh", kind: ORIGINAL },
           { name: "Giấy chứng sinh", kind: ORIGINAL },
           { name: "Tờ khai thay đổi thông tin cư trú", kind: ORIGINAL },
           { name: "Tờ khai tham gia bảo hiểm y tế", kind: ORIGINAL }
         ],
         variables: { child: "Nguyễn Bảo An", under6: true } }) { code status statusCode appointmentAt } }`,
      {},
      tokens.reception,
    );
    code = receiveDossier.code;
    // The group's limit: three working days from Monday 09:00.
    expect(receiveDossier).toEqual({
      code: '000.00.06.H56-260302-0001',
      status: 'RECEIVED',
      statusCode: 2,
      appointmentAt: '2026-03-05T02:00:00.000Z',
    });
    expect((await dossier()).forms[0].content).toMatchObject({
      procedure: { code: '3.000722' },
      statutoryDuration: '3 working days',
    });

    await work('Task_Receive', 'reception');
    expect((await dossier()).statusCode).toBe(4);
    // Civil status registers the birth within the working day; the leader signs.
    const birth = await taskAt('Task_RegisterBirth');
    expect(birth).toMatchObject({ agency: null, dueAt: '2026-03-02T10:00:00.000Z' });
    await work('Task_RegisterBirth', 'civil');
    await work('Task_Sign', 'leader');

    // Two agencies now, each with its own step and budget, in its own inbox.
    const open = (await dossier()).processInstance.openTasks;
    expect(open.map((t: any) => [t.elementId, t.agency, t.dueAt])).toEqual([
      ['Task_RegisterResidence', 'ca-xa-xuan-hoa', '2026-03-03T02:00:00.000Z'],
      ['Task_IssueInsuranceCard', 'bhxh-khu-vuc-1', '2026-03-03T02:00:00.000Z'],
    ]);
    const inbox = async (who: string) =>
      (
        await suite.api.ok(`{ myTasks { edges { node { elementId } } } }`, {}, tokens[who])
      ).myTasks.edges.map((e: any) => e.node.elementId);
    expect(await inbox('police')).toEqual(['Task_RegisterResidence']);
    expect(await inbox('insurance')).toEqual(['Task_IssueInsuranceCard']);
    expect(await inbox('civil')).toEqual([]);
    // The commune's leader does not act for the police.
    const [residence] = open;
    expect((await act('claimTask', residence.id, 'leader')).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );

    clock.now = new Date('2026-03-03T02:00:00Z');
    await work('Task_IssueInsuranceCard', 'insurance');
    expect((await dossier()).statusCode).toBe(4);
    clock.now = new Date('2026-03-03T03:00:00Z');
    await work('Task_RegisterResidence', 'police');
    await work('Task_ReturnResult', 'reception');

    const done = await dossier();
    expect(done).toMatchObject({ status: 'PROCESSED', statusCode: 9, late: false });
    expect(done.controlSheet).toEqual([
      {
        step: 'Tiếp nhận hồ sơ',
        agency: 'xa-xuan-hoa',
        giver: 'le.tiepnhan',
        receiver: 'le.tiepnhan',
        result: 'EARLY',
      },
      {
        step: 'Đăng ký khai sinh',
        agency: 'xa-xuan-hoa',
        giver: 'le.tiepnhan',
        receiver: 'tran.hotich',
        result: 'ON_TIME',
      },
      {
        step: 'Ký duyệt kết quả',
        agency: 'xa-xuan-hoa',
        giver: 'tran.hotich',
        receiver: 'nguyen.chutich',
        result: 'EARLY',
      },
      {
        step: 'Đăng ký thường trú',
        agency: 'ca-xa-xuan-hoa',
        giver: 'nguyen.chutich',
        receiver: 'trinh.congan',
        result: 'LATE',
      },
      {
        step: 'Cấp thẻ bảo hiểm y tế',
        agency: 'bhxh-khu-vuc-1',
        giver: 'nguyen.chutich',
        receiver: 'mai.bhxh',
        result: 'ON_TIME',
      },
      {
        step: 'Trả kết quả',
        agency: 'xa-xuan-hoa',
        giver: 'trinh.congan',
        receiver: 'le.tiepnhan',
        result: 'EARLY',
      },
    ]);
    const returned = await suite.api.ok(
      `mutation ($code: String!) { returnResult(code: $code) { statusCode } }`,
      { code },
      tokens.reception,
    );
    expect(returned.returnResult.statusCode).toBe(10);
  });

  it('sends the police and insurance steps to the commune where the family lives', async () => {
    const receive = (residenceCommune: string) =>
      suite.api.graphql<{ receiveDossier: { code: string } }>(
        `mutation ($v: JSON) { receiveDossier(input: {
           procedureKey: "joint-birth-residence-insurance",
           applicant: { name: "Trần Văn Hải", idNumber: "001190054321", phone: "0912000111" },
           components: [
             { name: "Tờ khai đăng ký khai sinh", kind: ORIGINAL },
             { name: "Giấy chứng sinh", kind: ORIGINAL },
             { name: "Tờ khai thay đổi thông tin cư trú", kind: ORIGINAL },
             { name: "Tờ khai tham gia bảo hiểm y tế", kind: ORIGINAL }
           ],
           variables: $v }) { code } }`,
        { v: { child: 'Trần Minh Khang', under6: true, residenceCommune } },
        tokens.reception,
      );
    // An unknown commune is refused at the desk, naming the field; nothing is received.
    const refused = await receive('xa-dong-so');
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'variables.residenceCommune',
    });

    const { data } = await receive('xa-dong-son');
    // The refused attempt used no number (the clock stands on 3 March since the test above).
    code = data!.receiveDossier.code;
    expect(code).toBe('000.00.06.H56-260303-0001');
    await work('Task_Receive', 'reception');
    await work('Task_RegisterBirth', 'civil');
    await work('Task_Sign', 'leader');
    const open = (await dossier()).processInstance.openTasks;
    expect(open.map((t: any) => [t.elementId, t.agency])).toEqual([
      ['Task_RegisterResidence', 'ca-xa-dong-son'],
      ['Task_IssueInsuranceCard', 'bhxh-khu-vuc-2'],
    ]);
    // The receiving commune's police does not get it, nor may it take it.
    const inbox = async (who: string) =>
      (
        await suite.api.ok(`{ myTasks { edges { node { elementId } } } }`, {}, tokens[who])
      ).myTasks.edges.map((e: any) => e.node.elementId);
    expect(await inbox('police')).toEqual([]);
    expect(await inbox('residencePolice')).toEqual(['Task_RegisterResidence']);
    expect((await act('claimTask', open[0].id, 'police')).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    await work('Task_RegisterResidence', 'residencePolice');
    await work('Task_IssueInsuranceCard', 'residenceInsurance');
    await work('Task_ReturnResult', 'reception');
    expect((await dossier()).status).toBe('PROCESSED');
  });
});
