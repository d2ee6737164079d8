import { snapshotDatabase } from '../../support/database';
import { apiSuite } from '../../support/flows';
import { readProjectFile } from '../../support/models';

/** Fees at reception: computed by the procedure's rule, unless the officer assesses them. */
describe('fees', () => {
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const suite = apiSuite(clock);
  let reception = '';
  const receive = (variables: object, feeAmount?: number) =>
    suite.api.graphql(
      `mutation ($input: ReceiveDossierInput!) { receiveDossier(input: $input) { code feeAmount forms { number content } } }`,
      {
        input: {
          procedureKey: 'certified-copy',
          applicant: { name: 'Vũ Thị Lan', idNumber: '001190067890', phone: '0977000111' },
          components: [
            { name: 'Bản chính giấy tờ, văn bản', kind: 'ORIGINAL' },
            { name: 'Bản sao cần chứng thực', kind: 'PHOTOCOPY' },
          ],
          variables,
          feeAmount,
        },
      },
      reception,
    );

  beforeAll(async () => {
    reception = await suite.api.officer('le.tiepnhan', ['reception']);
    await suite.f.deploy(readProjectFile('processes/certification/certified-copy.bpmn'));
  });

  it('computes a certified copy by its pages, capped at 200,000 đồng a copy, and prints it on the receipt', async () => {
    const one = await receive({ copies: 1, pages: 1 });
    expect(one.errors).toBeUndefined();
    expect(one.data?.receiveDossier.feeAmount).toBe(2_000);
    const forms = one.data?.receiveDossier.forms;
    expect(forms[0]).toMatchObject({ number: '01', content: { feeAmount: 2_000 } });
    expect((await receive({ copies: 3, pages: 12 })).data?.receiveDossier.feeAmount).toBe(42_000);
    expect((await receive({ copies: 2, pages: 500 })).data?.receiveDossier.feeAmount).toBe(400_000);
  });

  it("takes the officer's assessment over the rule (an exemption)", async () => {
    expect((await receive({}, 0)).data?.receiveDossier.feeAmount).toBe(0);
  });

  it('refuses to receive when the rule lacks what it reads, naming it, and writes nothing', async () => {
    const before = await snapshotDatabase(suite.api.database.dataSource);
    const { errors } = await receive({ copies: 1 });
    expect(errors?.[0]).toMatchObject({
      message: expect.stringContaining("Variable 'pages' not found"),
      extensions: {
        code: 'EXPRESSION_FAILED',
        field: 'variables',
        elementId: 'certified-copy',
        expression: expect.stringContaining('pages'),
        userMessage:
          'Không tính được phí, lệ phí của thủ tục «certified-copy»: thiếu thông tin trong tờ khai, hoặc nhập số tiền phí.',
      },
    });
    const negative = await receive({ copies: -1, pages: 2 });
    expect(negative.errors?.[0].message).toMatch(/gave -4000, not an amount from 0/);
    expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(before);
  });

  it('refuses at deploy a fee rule that is not FEEL or reads the clock', async () => {
    const file = readProjectFile('processes/certification/certified-copy.bpmn');
    const deploy = (rule: string) =>
      suite.api.graphql(`mutation ($xml: String!) { deployProcess(bpmnXml: $xml) { id } }`, {
        xml: file.replace(/tthc:feeAmount="[^"]*"/, `tthc:feeAmount="${rule}"`),
      });
    const broken = await deploy('=2000 * (pages');
    expect(broken.errors?.[0].extensions).toMatchObject({
      code: 'BPMN_INVALID',
      problems: [expect.objectContaining({ elementId: 'certified-copy', rule: 'engine/feel' })],
    });
    const clockBound = await deploy('=if today() &gt; x then 1 else 2');
    expect(clockBound.errors?.[0].extensions?.code).toBe('BPMN_UNSUPPORTED');
  });
});
