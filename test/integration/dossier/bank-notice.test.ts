import { createHmac } from 'node:crypto';
import request from 'supertest';
import { checkConsistency } from '../../../src/store/consistency';
import { createTestApi, type TestApi } from '../../support/api';
import { snapshotDatabase } from '../../support/database';
import { receiveWithFee } from '../../support/fee-dossier';
import { flows } from '../../support/flows';
import { readProjectFile } from '../../support/models';

const SECRET = 'bi-mat-chung-voi-ngan-hang';

/**
 * A bank's signed notice of a VietQR transfer records the payment once, whatever the retries,
 * and the dossier counts as paid online; an unsigned, malformed or unpayable notice changes
 * nothing.
 */
describe("a bank's payment notice", () => {
  let api: TestApi;
  let code = '';
  let reception = '';
  const notify = (notice: unknown, secret = SECRET) => {
    const body = JSON.stringify(notice);
    const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
    return request(api.server.app)
      .post('/payments/bank-notice')
      .set('content-type', 'application/json')
      .set('x-signature', signature)
      .send(body);
  };
  const paymentsOf = async () =>
    (
      await api.ok<{
        dossier: { paidAmount: number; payments: { amount: number; method: string }[] };
      }>(
        `query ($code: String!) { dossier(code: $code) { paidAmount payments { amount method } } }`,
        { code },
        reception,
      )
    ).dossier;

  beforeAll(async () => {
    api = await createTestApi(undefined, { bankNoticeSecret: SECRET });
    await flows(api).deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
    reception = await api.officer('le.tiepnhan', ['reception']);
    const receiveDossier = await receiveWithFee(api, reception);
    code = receiveDossier.code;
  });
  afterAll(async () => {
    const { problems } = await checkConsistency(api.database.store);
    await api.close();
    expect(problems).toEqual([]);
  });

  it('refuses, changing nothing, an unsigned, malformed, unknown or excessive notice', async () => {
    const before = await snapshotDatabase(api.database.dataSource);
    const good = { reference: 'FT26061000001', amount: 20000, description: code };
    expect((await notify(good, 'another-secret')).status).toBe(401);
    const refusals = [
      [{ ...good, amount: '20000' }, 400, 'amount'],
      [{ ...good, reference: '' }, 400, 'reference'],
      [{ ...good, description: 'nop phi' }, 404, 'description'],
      [{ ...good, reference: ' FT26061000001 ', amount: 0 }, 400, 'amount'],
      [{ ...good, reference: 'FT2606\u00001' }, 400, 'reference'],
      [{ ...good, description: 'x'.repeat(40_000) }, 413, undefined],
      [{ ...good, description: `${code.slice(0, -4)}9999` }, 404, undefined],
      [{ ...good, amount: 20001 }, 400, 'amount'],
    ] as const;
    for (const [notice, status, field] of refusals) {
      const response = await notify(notice);
      expect(response.status).toBe(status);
      if (field) expect(response.body.errors[0].extensions.field).toBe(field);
    }
    expect(await snapshotDatabase(api.database.dataSource)).toEqual(before);
  });

  it('records the transfer once, however often and however concurrently it is sent', async () => {
    // As a bank may pass the content on: its own words glued on, upper-cased.
    const description = `MBVCB.3278614744.${code.toUpperCase()}.CT TU NGUYEN THI BINH`;
    const notice = { reference: 'FT26061000002', amount: 20000, description };
    const answers = await Promise.all([notify(notice), notify(notice), notify(notice)]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(answers.filter((answer) => answer.body.recorded)).toHaveLength(1);
    expect((await notify(notice)).body).toEqual({ dossierCode: code, recorded: false });
    expect(await paymentsOf()).toEqual({
      paidAmount: 20000,
      payments: [{ amount: 20000, method: 'QR' }],
    });
    const status = await api.graphql<{ dossierStatus: { amountDue: number } }>(
      `query ($code: String!) { dossierStatus(code: $code, phoneLast4: "5678") { amountDue } }`,
      { code },
      null,
    );
    expect(status.data?.dossierStatus.amountDue).toBe(0);
    // Paid without cash: the 766 index's "paid online" counts it.
    const { dossierMetrics } = await api.ok<{ dossierMetrics: { cashless: number }[] }>(
      `{ dossierMetrics(groupBy: []) { cashless } }`,
    );
    expect(dossierMetrics).toEqual([{ cashless: 1 }]);
  });
});
