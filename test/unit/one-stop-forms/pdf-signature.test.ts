import { PDFDocument } from 'pdf-lib';
import {
  certificatesOfPem,
  signPdf,
  verifySignedPdf,
} from '../../../src/one-stop-forms/pdf-signature';
import { makeAuthority, makeLeaderP12 } from '../../support/signing';

async function plainPdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.addPage().drawText('Ket qua giai quyet');
  return Buffer.from(await document.save());
}

/**
 * A PDF signed in PAdES form with a leader's PKCS#12 verifies against the CA that issued it,
 * and no longer does once a signed byte changes or against another CA.
 */
describe('PAdES signatures of results', () => {
  const authority = makeAuthority('CA Thử Nghiệm');
  const other = makeAuthority('CA Khác');
  const signingTime = new Date('2026-03-04T03:15:00Z');
  let signed: Buffer;

  beforeAll(async () => {
    const p12 = makeLeaderP12(authority, 'Nguyễn Văn Chủ Tịch', 'secret');
    signed = await signPdf(await plainPdf(), p12, 'secret', {
      reason: 'Ký duyệt kết quả',
      location: 'UBND xã',
      name: 'Nguyễn Văn Chủ Tịch',
      signingTime,
    });
  });

  it('verifies, naming the signer and the time', () => {
    expect(signed.toString('latin1')).toContain('/SubFilter /ETSI.CAdES.detached');
    expect(verifySignedPdf(signed, certificatesOfPem(authority.pem))).toEqual({
      valid: true,
      signedBy: 'Nguyễn Văn Chủ Tịch',
      signedAt: signingTime,
    });
  });

  it('fails when one signed byte changes', () => {
    const changed = Buffer.from(signed);
    // A byte of the page's dictionary, well inside the signed range.
    const at = changed.indexOf('/MediaBox') + 1;
    expect(at).toBeGreaterThan(0);
    changed[at] = 'm'.charCodeAt(0);
    expect(verifySignedPdf(changed, certificatesOfPem(authority.pem))).toMatchObject({
      valid: false,
      reason: 'DIGEST_MISMATCH',
      signedBy: 'Nguyễn Văn Chủ Tịch',
    });
  });

  it('fails when bytes are added after the signed range', () => {
    const longer = Buffer.concat([signed, Buffer.from('\n% more\n')]);
    expect(verifySignedPdf(longer, certificatesOfPem(authority.pem))).toMatchObject({
      valid: false,
      reason: 'BYTE_RANGE',
    });
  });

  it('is untrusted against another CA, or none', () => {
    expect(verifySignedPdf(signed, certificatesOfPem(other.pem))).toMatchObject({
      valid: false,
      reason: 'UNTRUSTED',
    });
    expect(verifySignedPdf(signed, [])).toMatchObject({ valid: false, reason: 'UNTRUSTED' });
  });

  it('says an unsigned PDF is not signed', async () => {
    expect(verifySignedPdf(await plainPdf(), [])).toMatchObject({
      valid: false,
      reason: 'NOT_SIGNED',
    });
  });
});
