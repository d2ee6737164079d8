import request from 'supertest';
import { crc16 } from '../../../src/dossier/vietqr';
import { itWithChromium, launchChromium } from '../../support/chromium';
import { readEmvQr } from '../../support/emv-qr';
import { receiveWithFee } from '../../support/fee-dossier';
import { readQrSvg } from '../../support/read-qr';
import { apiSuite } from '../../support/flows';
import { readProjectFile } from '../../support/models';

const LOOK_UP = `query ($code: String!) { dossierStatus(code: $code, phoneLast4: "5678") { amountDue vietQr } }`;

/**
 * The citizen's look-up offers the fees still due as a VietQR code once the agency set its
 * account: read back field by field, its amount follows the payments recorded.
 */
describe('paying a dossier by VietQR', () => {
  const suite = apiSuite();
  let code = '';
  let reception = '';
  const lookUp = async () =>
    (
      await suite.api.graphql<{ dossierStatus: { amountDue: number; vietQr: string | null } }>(
        LOOK_UP,
        { code },
        null,
      )
    ).data?.dossierStatus;
  const pay = (amount: number) =>
    suite.api.ok(
      `mutation ($code: String!, $amount: Int!) { recordPayment(code: $code, amount: $amount, method: CASH) { code } }`,
      { code, amount },
      reception,
    );

  const receive = () => receiveWithFee(suite.api, reception);

  beforeAll(async () => {
    await suite.f.deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
    reception = await suite.api.officer('le.tiepnhan', ['reception']);
    const receiveDossier = await receive();
    code = receiveDossier.code;
    expect(await lookUp()).toEqual({ amountDue: 20000, vietQr: null });
    await suite.api.ok(
      `mutation ($agency: String!) { setAgencyPayee(agencyCode: $agency, bankBin: "970415",
         account: "0011001932418", accountName: "UBND XA XUAN HOA") { code } }`,
      { agency: receiveDossier.agencyCode },
    );
  });

  it("carries the agency's account, the amount due and the dossier code, under a right CRC", async () => {
    const { amountDue, vietQr } = (await lookUp())!;
    expect(amountDue).toBe(20000);
    expect(readEmvQr(vietQr!)).toEqual({
      '00': '01',
      '01': '12',
      '38': {
        '00': 'A000000727',
        '01': { '00': '970415', '01': '0011001932418' },
        '02': 'QRIBFTTA',
      },
      '53': '704',
      '54': '20000',
      '58': 'VN',
      '62': { '08': code },
      '63': crc16(vietQr!.slice(0, -4)),
    });
  });

  itWithChromium(
    'prints the same code on Form 01, read back from the page Chromium draws',
    async () => {
      const form = await request(suite.api.server.app)
        .get(`/forms/${code}/01`)
        .set('authorization', `Bearer ${reception}`);
      expect(form.status).toBe(200);
      const browser = await launchChromium();
      try {
        // The form as Chromium lays it out; its VietQR code is the one under the payment's words.
        const page = await browser.newPage();
        await page.setContent(form.text);
        const read = await readQrSvg(browser, await page.innerHTML('.vietqr .qr'));
        const { vietQr } = (await lookUp())!;
        expect(read).toBe(vietQr);
        expect(readEmvQr(read!)['54']).toBe('20000');
      } finally {
        await browser.close();
      }
    },
  );

  it('asks for what is left after a payment, and for nothing once all is paid', async () => {
    await pay(5000);
    const partly = (await lookUp())!;
    expect(partly.amountDue).toBe(15000);
    expect(readEmvQr(partly.vietQr!)['54']).toBe('15000');
    await pay(15000);
    expect(await lookUp()).toEqual({ amountDue: 0, vietQr: null });
  });

  it('offers no code for a dossier that takes no payment any more', async () => {
    const refused = await receive();
    await suite.api.ok(
      `mutation ($code: String!) { refuseDossier(code: $code, reason: "Không thuộc thẩm quyền") { code } }`,
      { code: refused.code },
      reception,
    );
    const answer = await suite.api.graphql<{ dossierStatus: { vietQr: string | null } }>(
      LOOK_UP,
      { code: refused.code },
      null,
    );
    expect(answer.data?.dossierStatus.vietQr).toBeNull();
  });
});
