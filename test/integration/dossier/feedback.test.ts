import { apiSuite } from '../../support/flows';
import { readProjectFile } from '../../support/models';

/** What citizens say of their dossiers: feedback answered within 15 working days, and a rating. */
describe('feedback and ratings', () => {
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const suite = apiSuite(clock);
  const tokens: Record<string, string> = {};
  let code = '';
  const citizen = (query: string, variables: Record<string, unknown> = {}) =>
    suite.api.graphql(query, { code, ...variables }, null);

  beforeAll(async () => {
    tokens.reception = await suite.api.officer('le.tiepnhan', ['reception']);
    tokens.leader = await suite.api.officer('nguyen.chutich', ['leader']);
    tokens.elsewhere = await suite.api.officer('vo.chutich', ['leader'], 'xa-tan-lap');
    await suite.f.deploy(readProjectFile('processes/certification/signature-attestation.bpmn'));
    const { receiveDossier } = await suite.api.ok(
      `mutation { receiveDossier(input: {
         procedureKey: "signature-attestation", feeAmount: 10000,
         applicant: { name: "Đỗ Văn Hải", idNumber: "001088003333", phone: "0911222333" },
         components: [
           { name: "Giấy tờ, văn bản cần chứng thực chữ ký", kind: ORIGINAL },
           { name: "Giấy tờ tùy thân của người yêu cầu chứng thực", kind: PHOTOCOPY }
         ] }) { code } }`,
      {},
      tokens.reception,
    );
    code = receiveDossier.code;
  });

  it('takes feedback without signing in and has it answered by the agency, once', async () => {
    const sent = await citizen(
      `mutation ($code: String!) { submitFeedback(code: $code, phoneLast4: "2333", content: "Chờ lâu ở quầy tiếp nhận") { id dueAt answer } }`,
    );
    // Fifteen working days from Monday 2 March: Monday 23 March.
    expect(sent.data?.submitFeedback).toMatchObject({
      dueAt: '2026-03-23T02:00:00.000Z',
      answer: null,
    });
    const id = sent.data?.submitFeedback.id;
    const answer = (who: string) =>
      suite.api.graphql(
        `mutation ($id: ID!) { answerFeedback(id: $id, answer: "Đã bố trí thêm cán bộ tiếp nhận giờ cao điểm") { answer answeredBy } }`,
        { id },
        tokens[who],
      );
    expect((await answer('elsewhere')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await answer('leader')).data?.answerFeedback).toEqual({
      answer: 'Đã bố trí thêm cán bộ tiếp nhận giờ cao điểm',
      answeredBy: 'nguyen.chutich',
    });
    expect((await answer('leader')).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const wrong = await citizen(
      `mutation ($code: String!) { submitFeedback(code: $code, phoneLast4: "9999", content: "x") { id } }`,
    );
    expect(wrong.errors?.[0].extensions).toEqual({
      code: 'NOT_FOUND',
      field: 'code',
      userMessage: 'Không tìm thấy hồ sơ theo mã và thông tin đã nhập.',
    });
  });

  it('takes a rating once the dossier ended, once', async () => {
    const rate = () =>
      citizen(
        `mutation ($code: String!) { rateDossier(code: $code, phoneLast4: "2333", satisfied: false) { satisfied } }`,
      );
    expect((await rate()).errors?.[0].extensions?.code).toBe('DOSSIER_INVALID_STATE');
    await suite.api.ok(
      `mutation ($code: String!) { refuseDossier(code: $code, reason: "Văn bản có nội dung trái pháp luật") { code } }`,
      { code },
      tokens.reception,
    );
    expect((await rate()).data?.rateDossier).toEqual({ satisfied: false });
    expect((await rate()).errors?.[0].extensions?.code).toBe('DOSSIER_INVALID_STATE');
    const { dossier } = await suite.api.ok(
      `query ($code: String!) { dossier(code: $code) { satisfied feedback { answeredBy } } }`,
      { code },
      tokens.reception,
    );
    expect(dossier).toEqual({ satisfied: false, feedback: [{ answeredBy: 'nguyen.chutich' }] });
  });
});
