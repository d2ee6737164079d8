import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import forge from 'node-forge';

/** A certificate authority made for a test: its key and certificate, and the PEM of it. */
export interface TestAuthority {
  key: forge.pki.rsa.PrivateKey;
  certificate: forge.pki.Certificate;
  pem: string;
}

/** A UTF-8 string value (forge encodes it). */
const utf8 = (value: string) => ({ value, valueTagClass: forge.asn1.Type.UTF8 });

/** A CA with a self-signed certificate, valid from `from` for ten years. */
export function makeAuthority(
  name: string,
  from = new Date('2025-01-01T00:00:00Z'),
): TestAuthority {
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = keys.publicKey;
  certificate.serialNumber = '01';
  certificate.validity.notBefore = from;
  certificate.validity.notAfter = new Date(from.getTime() + 10 * 365 * 86_400_000);
  const subject = [
    { shortName: 'CN', ...utf8(name) },
    { shortName: 'C', value: 'VN' },
  ];
  certificate.setSubject(subject as forge.pki.CertificateField[]);
  certificate.setIssuer(subject as forge.pki.CertificateField[]);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
  ]);
  certificate.sign(keys.privateKey, forge.md.sha256.create());
  return { key: keys.privateKey, certificate, pem: forge.pki.certificateToPem(certificate) };
}

/** A leader's PKCS#12 (key, certificate and the CA's certificate) issued by `authority`. */
export function makeLeaderP12(
  authority: TestAuthority,
  commonName: string,
  passphrase: string,
  serial = '0a',
): Buffer {
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = keys.publicKey;
  certificate.serialNumber = serial;
  certificate.validity.notBefore = authority.certificate.validity.notBefore;
  certificate.validity.notAfter = new Date(
    certificate.validity.notBefore.getTime() + 3 * 365 * 86_400_000,
  );
  certificate.setSubject([
    { shortName: 'CN', ...utf8(commonName) },
    { shortName: 'O', ...utf8('UBND xã Thử Nghiệm') },
    { shortName: 'C', value: 'VN' },
  ] as forge.pki.CertificateField[]);
  certificate.setIssuer(authority.certificate.subject.attributes);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
  ]);
  certificate.sign(authority.key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(
    keys.privateKey,
    [certificate, authority.certificate],
    passphrase,
    { algorithm: '3des' },
  );
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}

/**
 * A folder of leaders' certificates as SIGNING_CERTIFICATES_DIR wants it (`<username>.p12`), and
 * the trusted CA's PEM file beside it.
 */
export function certificatesDir(
  authority: TestAuthority,
  leaders: Record<string, { commonName: string; p12?: Buffer }>,
  passphrase: string,
): { dir: string; trustedCaFile: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'leaders-'));
  for (const [username, { commonName, p12 }] of Object.entries(leaders)) {
    writeFileSync(
      path.join(dir, `${username}.p12`),
      p12 ?? makeLeaderP12(authority, commonName, passphrase),
    );
  }
  const trustedCaFile = path.join(dir, 'trusted-ca.pem');
  writeFileSync(trustedCaFile, authority.pem);
  return { dir, trustedCaFile };
}
