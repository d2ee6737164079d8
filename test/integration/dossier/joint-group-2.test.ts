import { workTask } from '../../support/dossiers';
import { apiSuite } from '../../support/flows';
import { readProjectFile } from '../../support/models';

/**
 * Joint group 2: death registration, then only the follow-up procedures the citizen chose, each
 * at its own agency (police, labour-social department, social insurance).
 */
describe('joint group 2: death, residence deletion, funeral allowance, survivorship', () => {
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const suite = apiSuite(clock);
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    for (const agency of [
      `code: "xa-xuan-hoa", name: "UBND xã Xuân Hòa", kind: "commune"`,
      `code: "ca-xa-xuan-hoa", name: "Công an xã Xuân Hòa", kind: "police", serves: ["xa-xuan-hoa"]`,
      `code: "so-ldtbxh", name: "Sở Lao động – Thương binh và Xã hội", kind: "department", serves: ["xa-xuan-hoa"]`,
      `code: "bhxh-khu-vuc-1", name: "BHXH khu vực I", kind: "social_insurance", serves: ["xa-xuan-hoa"]`,
    ]) {
      await suite.api.ok(`mutation { createAgency(${agency}) { code } }`);
    }
    tokens.reception = await suite.api.officer('le.tiepnhan', ['reception'], 'xa-xuan-hoa');
    tokens.civil = await suite.api.officer('tran.hotich', ['civil_status'], 'xa-xuan-hoa');
    tokens.leader = await suite.api.officer('nguyen.chutich', ['leader'], 'xa-xuan-hoa');
    tokens.labour = await suite.api.officer('hoang.ldtbxh', ['social_affairs'], 'so-ldtbxh');
    await suite.f.deploy(readProjectFile('processes/joint/death-residence-allowance.bpmn'));
  });

  it('sends the dossier to the agencies of the procedures chosen, and waits for them all', async () => {
    const { receiveDossier } = await suite.api.ok(
      `mutation { receiveDossier(input: {
         procedureKey: "joint-death-residence-allowance",
         applicant: { name: "Lê Văn Tâm", idNumber: "001070002222", phone: "0905111222" },
         components: [
           { name: "Tờ khai đăng ký khai tử", kind: ORIGINAL },
           { name: "Giấy báo tử", kind: ORIGINAL },
           { name: "Tờ khai đề nghị hưởng chế độ tử tuất, mai táng phí", kind: ORIGINAL }
         ],
         variables: { wantsResidenceDeletion: false, wantsFuneralAllowance: true, wantsSurvivorship: false }
       }) { code processInstance { openTasks { id } } } }`,
      {},
      tokens.reception,
    );
    const code = receiveDossier.code;
    const open = async () =>
      (
        await suite.api.ok(
          `query ($code: String!) { dossier(code: $code) { status processInstance { openTasks { id elementId agency } } } }`,
          { code },
          tokens.reception,
        )
      ).dossier;
    const work = (elementId: string, who: string) =>
      workTask(suite.api, { code, elementId, token: tokens[who], reader: tokens.reception });
    await work('Task_Receive', 'reception');
    await work('Task_RegisterDeath', 'civil');
    await work('Task_Sign', 'leader');
    // Only the funeral allowance was chosen: the department alone gets the dossier.
    expect((await open()).processInstance.openTasks).toEqual([
      { id: expect.any(String), elementId: 'Task_FuneralAllowance', agency: 'so-ldtbxh' },
    ]);
    await work('Task_FuneralAllowance', 'labour');
    await work('Task_ReturnResult', 'reception');
    expect((await open()).status).toBe('PROCESSED');
  });
});
