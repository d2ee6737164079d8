import request from 'supertest';
import { certificatesOfPem, verifySignedPdf } from '../../../src/one-stop-forms/pdf-signature';
import { checkConsistency } from '../../../src/store/consistency';
import { createTestApi, type TestApi } from '../../support/api';
import { describeWithChromium } from '../../support/chromium';
import { snapshotDatabase } from '../../support/database';
import { receiveBirthRegistration, workTask } from '../../support/dossiers';
import { readProjectFile } from '../../support/models';
import { pdfText } from '../../support/pdf';
import { certificatesDir, makeAuthority, makeLeaderP12 } from '../../support/signing';

const PASSPHRASE = 'mat-khau-chung-thu';
const SIGNED = 'signedResult { signedBy signedAt valid problem downloadPath }';

/**
 * The leader's signature step signs the result: a PDF signed in PAdES form with the leader's
 * certificate (a test CA made here), kept with the dossier, verified on the dossier page and in
 * the citizen's look-up, and counted among the electronic results of the 766 index.
 */
describeWithChromium('signed results', () => {
  // Wednesday 4 March 2026, 10:00 in Hanoi.
  const clock = { now: new Date('2026-03-04T03:00:00Z') };
  const authority = makeAuthority('CA Thử Nghiệm');
  const stranger = makeAuthority('CA Không Tin Cậy');
  const tokens: Record<string, string> = {};
  let api: TestApi;

  beforeAll(async () => {
    const { dir, trustedCaFile } = certificatesDir(
      authority,
      {
        'nguyen.chutich': { commonName: 'Nguyễn Văn Chủ Tịch' },
        'dang.saimatkhau': {
          commonName: 'Đặng Sai Mật Khẩu',
          p12: makeLeaderP12(authority, 'Đặng Sai Mật Khẩu', 'another-passphrase', '0b'),
        },
        'le.phochutich': {
          commonName: 'Lê Phó Chủ Tịch',
          p12: makeLeaderP12(stranger, 'Lê Phó Chủ Tịch', PASSPHRASE),
        },
      },
      PASSPHRASE,
    );
    api = await createTestApi(clock, {
      signing: { certificatesDir: dir, passphrase: PASSPHRASE, trustedCaFile },
    });
    tokens.reception = await api.officer('le.tiepnhan', ['reception']);
    tokens.civil = await api.officer('tran.hotich', ['civil_status']);
    tokens.leader = await api.officer('nguyen.chutich', ['leader']);
    tokens.untrusted = await api.officer('le.phochutich', ['leader']);
    tokens.uncertified = await api.officer('vo.khongchungthu', ['leader']);
    tokens.wrongPassphrase = await api.officer('dang.saimatkhau', ['leader']);
    await api.ok(`mutation ($xml: String!) { deployProcess(bpmnXml: $xml) { id } }`, {
      xml: readProjectFile('processes/civil-status/birth-registration.bpmn'),
    });
  });

  afterAll(async () => {
    if (!api) return;
    const { problems } = await checkConsistency(api.database.store);
    await api.close();
    expect(problems).toEqual([]);
  });

  const work = (code: string, elementId: string, who: string, variables = {}) =>
    workTask(api, { code, elementId, token: tokens[who], reader: tokens.reception, variables });

  /** A birth registration received, checked and waiting for the leader's signature. */
  const atSignature = async () => {
    const code = await receiveBirthRegistration(api, tokens.reception);
    await work(code, 'Task_Receive', 'reception');
    await work(code, 'Task_Check', 'civil', { complete: true });
    return code;
  };

  const signatureTask = async (code: string) => {
    const { dossier } = await api.ok(
      `query ($code: String!) { dossier(code: $code) { processInstance { openTasks { id elementId } } } }`,
      { code },
      tokens.reception,
    );
    const [task] = dossier.processInstance.openTasks;
    expect(task.elementId).toBe('Task_Sign');
    return task.id as string;
  };

  const signedResult = async (code: string) =>
    (
      await api.ok(
        `query ($code: String!) { dossier(code: $code) { ${SIGNED} } }`,
        { code },
        tokens.reception,
      )
    ).dossier.signedResult;

  const download = (path: string) => request(api.server.app).get(path).buffer(true);

  let code: string;
  let pdf: Buffer;

  it('refuses a leader with no certificate, naming the task, and changes nothing', async () => {
    code = await atSignature();
    const taskId = await signatureTask(code);
    const before = await snapshotDatabase(api.database.dataSource);
    const refused = await api.graphql(
      `mutation ($id: ID!) { completeTask(id: $id) { id } }`,
      { id: taskId },
      tokens.uncertified,
    );
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'SIGNING_CERTIFICATE_MISSING',
      taskId,
      elementId: 'Task_Sign',
    });
    expect(refused.errors?.[0].message).toContain('vo.khongchungthu');
    expect(await snapshotDatabase(api.database.dataSource)).toEqual(before);
    expect(await signedResult(code)).toBeNull();
  });

  it('refuses a leader whose certificate will not open, and changes nothing', async () => {
    const taskId = await signatureTask(code);
    const before = await snapshotDatabase(api.database.dataSource);
    const refused = await api.graphql(
      `mutation ($id: ID!) { completeTask(id: $id) { id } }`,
      { id: taskId },
      tokens.wrongPassphrase,
    );
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'SIGNING_FAILED',
      dossierCode: code,
    });
    expect(await snapshotDatabase(api.database.dataSource)).toEqual(before);
  });

  it("signs the result with the leader's certificate as the signature step completes", async () => {
    await work(code, 'Task_Sign', 'leader');
    expect(await signedResult(code)).toEqual({
      signedBy: 'Nguyễn Văn Chủ Tịch',
      signedAt: clock.now.toISOString(),
      valid: true,
      problem: null,
      downloadPath: `/results/${encodeURIComponent(code)}/signed.pdf`,
    });
  });

  it('downloads, for the officer, the signed PDF that says what was decided and who signed', async () => {
    const response = await download(`/results/${code}/signed.pdf`).set(
      'authorization',
      `Bearer ${tokens.reception}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    pdf = response.body as Buffer;
    expect(pdf.toString('latin1')).toContain('/SubFilter /ETSI.CAdES.detached');
    const [page] = pdfText(pdf).pages;
    for (const words of [
      'KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
      'Đăng ký khai sinh',
      code,
      'Nguyễn Thị Bình',
      '10 giờ 00, ngày 04/03/2026',
    ]) {
      expect(page).toContain(words);
    }
    expect(verifySignedPdf(pdf, certificatesOfPem(authority.pem))).toEqual({
      valid: true,
      signedBy: 'Nguyễn Văn Chủ Tịch',
      signedAt: clock.now,
    });
  });

  it('no longer verifies once one signed byte changes', () => {
    const changed = Buffer.from(pdf);
    const at = changed.indexOf('/MediaBox') + 1;
    changed[at] = 'm'.charCodeAt(0);
    expect(verifySignedPdf(changed, certificatesOfPem(authority.pem))).toMatchObject({
      valid: false,
      reason: 'DIGEST_MISMATCH',
    });
  });

  it("shows the citizen who signed and when, and lets them download it with the look-up's digits", async () => {
    const { dossierStatus } = await api.ok(
      `query ($code: String!) { dossierStatus(code: $code, phoneLast4: "5678") { ${SIGNED} } }`,
      { code },
      null as unknown as string,
    );
    expect(dossierStatus.signedResult).toMatchObject({
      signedBy: 'Nguyễn Văn Chủ Tịch',
      signedAt: clock.now.toISOString(),
      valid: true,
    });
    const mine = await download(`/results/${code}/signed.pdf?phoneLast4=5678`);
    expect(mine.status).toBe(200);
    expect(Buffer.compare(mine.body as Buffer, pdf)).toBe(0);
    const wrong = await download(`/results/${code}/signed.pdf?phoneLast4=0000`);
    expect([wrong.status, wrong.body.errors[0].extensions.code]).toEqual([404, 'NOT_FOUND']);
    // Malformed proof: named when it is given twice, else answered like wrong digits.
    const twice = await download(`/results/${code}/signed.pdf?phoneLast4=5678&phoneLast4=5678`);
    expect([twice.status, twice.body.errors[0].extensions.field]).toEqual([400, 'phoneLast4']);
    for (const bad of ['56%0078', 'x'.repeat(5000), '']) {
      const answer = await download(`/results/${code}/signed.pdf?phoneLast4=${bad}`);
      expect(answer.status).toBe(404);
    }
    const nobody = await download(`/results/${code}/signed.pdf`);
    expect(nobody.status).toBe(401);
    const other = await api.officer('motcua.khac', ['reception'], 'xa-khac');
    const forbidden = await download(`/results/${code}/signed.pdf`).set(
      'authorization',
      `Bearer ${other}`,
    );
    expect(forbidden.status).toBe(403);
  });

  it('refuses a signature that does not verify (a CA the office does not trust), changing nothing', async () => {
    const untrusted = await atSignature();
    const taskId = await signatureTask(untrusted);
    const before = await snapshotDatabase(api.database.dataSource);
    const refused = await api.graphql(
      `mutation ($id: ID!) { completeTask(id: $id) { id } }`,
      { id: taskId },
      tokens.untrusted,
    );
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'SIGNING_FAILED',
      dossierCode: untrusted,
    });
    expect(refused.errors?.[0].message).toContain('UNTRUSTED');
    expect(await snapshotDatabase(api.database.dataSource)).toEqual(before);
    expect(await signedResult(untrusted)).toBeNull();
  });

  it('counts each returned signed result once among the electronic results of the 766 index', async () => {
    const electronic = async () => {
      const { serviceIndex } = await api.ok(
        `{ serviceIndex(from: "2026-03-01", to: "2026-03-31") { groups { indicators { id numerator denominator } } } }`,
        {},
        tokens.leader,
      );
      return serviceIndex.groups
        .flatMap((group: { indicators: object[] }) => group.indicators)
        .find((indicator: { id: string }) => indicator.id === 'ELECTRONIC_RESULTS');
    };
    // Signed but not returned yet: not yet, nor among the returned.
    expect(await electronic()).toMatchObject({ numerator: 0, denominator: 0 });
    // Returned, signed and marked electronic as well: once.
    await api.ok(
      `mutation ($code: String!) { returnResult(code: $code, electronic: true) { code } }`,
      { code },
      tokens.reception,
    );
    expect(await electronic()).toMatchObject({ numerator: 1, denominator: 1 });
  });
});
