import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
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

  it('writes the Vietnamese of the signature dictionary as text, whole', async () => {
    // 'ĩ' is U+0129: written as one byte it would be ')', closing the string.
    const name = 'Lê Văn Sĩ';
    const p12 = makeLeaderP12(authority, name, 'secret');
    const withMarks = await signPdf(await plainPdf(), p12, 'secret', {
      reason: 'Ký duyệt kết quả',
      location: 'UBND tỉnh Vĩnh Long',
      name,
      signingTime,
    });
    const document = await PDFDocument.load(withMarks);
    const [signature] = [...document.context.enumerateIndirectObjects()]
      .map(([, object]) => object)
      .filter((object): object is PDFDict => object instanceof PDFDict)
      .filter((dict) => dict.get(PDFName.of('Type')) === PDFName.of('Sig'));
    const text = (key: string) =>
      (signature.get(PDFName.of(key)) as PDFHexString | PDFString).decodeText();
    expect([text('Name'), text('Reason'), text('Location')]).toEqual([
      name,
      'Ký duyệt kết quả',
      'UBND tỉnh Vĩnh Long',
    ]);
    expect(verifySignedPdf(withMarks, certificatesOfPem(authority.pem))).toMatchObject({
      valid: true,
      signedBy: name,
    });
  });

  // An independent verifier, where the machine has one (Debian's openssl package).
  const withOpenssl = spawnSync('openssl', ['version']).status === 0 ? it : it.skip;

  withOpenssl('is a CMS signature that OpenSSL verifies over the byte range, on its own', () => {
    const text = signed.toString('latin1');
    const [a, b, c, d] = text
      .match(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)/)!
      .slice(1, 5)
      .map(Number);
    const dir = mkdtempSync(path.join(tmpdir(), 'cms-'));
    const file = (name: string, bytes: Buffer | string) => {
      writeFileSync(path.join(dir, name), bytes);
      return path.join(dir, name);
    };
    const content = file(
      'signed.bin',
      Buffer.concat([signed.subarray(a, b), signed.subarray(c, c + d)]),
    );
    const hex = text.slice(b + 1, c - 1).replace(/(00)+$/, '');
    const cms = file('signature.der', Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex'));
    const ca = file('ca.pem', authority.pem);
    const verify = (caFile: string) =>
      execFileSync(
        'openssl',
        [
          'cms',
          '-verify',
          '-binary',
          '-inform',
          'DER',
          '-in',
          cms,
          '-content',
          content,
          '-CAfile',
          caFile,
          '-purpose',
          'any',
          '-out',
          path.join(dir, 'out.bin'),
        ],
        { stdio: 'pipe' },
      );
    expect(() => verify(ca)).not.toThrow();
    // PAdES B-B: the signing certificate is signed for; the time is the dictionary's /M.
    const printed = execFileSync('openssl', [
      'cms',
      '-cmsout',
      '-print',
      '-inform',
      'DER',
      '-in',
      cms,
    ]).toString();
    expect(printed).toContain('id-smime-aa-signingCertificateV2');
    expect(printed).not.toContain('signingTime');
    expect(text).toContain('/M (D:20260304031500Z)');
    expect(() => verify(file('other.pem', other.pem))).toThrow();
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
