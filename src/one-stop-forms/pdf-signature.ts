import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import signpdf from '@signpdf/signpdf';
import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';
import { PadesSigner } from './pades-signer';

/** The PAdES sub-filter: a detached CAdES signature (CMS) over the PDF's byte range. */
export const PADES_SUBFILTER = 'ETSI.CAdES.detached';

/** What the signature dictionary says besides the signature itself. */
export interface SignatureDetails {
  /** Why it was signed (e.g. "Ký duyệt kết quả giải quyết hồ sơ …"). */
  reason: string;
  /** Where (the agency). */
  location: string;
  /** Who, as the signature dictionary names them. */
  name: string;
  signingTime: Date;
}

/**
 * Signs a PDF in PAdES form (baseline B-B) with a PKCS#12 (its private key and certificate):
 * @signpdf adds the signature dictionary, with the sub-filter ETSI.CAdES.detached and the signing
 * time as /M, and fills its /Contents with the CMS signature (PadesSigner) over every byte but
 * its own. Throws when the PKCS#12 cannot be opened.
 */
export async function signPdf(
  pdf: Buffer,
  p12: Buffer,
  passphrase: string,
  details: SignatureDetails,
): Promise<Buffer> {
  const document = await PDFDocument.load(pdf);
  pdflibAddPlaceholder({
    pdfDoc: document,
    reason: pdfTextLiteral(details.reason),
    location: pdfTextLiteral(details.location),
    name: pdfTextLiteral(details.name),
    contactInfo: '',
    signingTime: details.signingTime,
    subFilter: PADES_SUBFILTER,
    signatureLength: 16_384,
  });
  const prepared = Buffer.from(await document.save({ useObjectStreams: false }));
  return signpdf.sign(prepared, new PadesSigner(p12, passphrase), details.signingTime);
}

/**
 * A PDF text string (UTF-16BE with its byte order mark), each byte as an octal escape, as the
 * placeholder's literal string carries it: the placeholder writes each character as one byte,
 * which garbles Vietnamese and turns 'ĩ' (U+0129) into ')', ending the string early.
 */
function pdfTextLiteral(text: string): string {
  const utf16 = Buffer.from(text, 'utf16le').swap16();
  return [0xfe, 0xff, ...utf16].map((byte) => `\\${byte.toString(8).padStart(3, '0')}`).join('');
}

/** Why a signed PDF does not verify. */
export type InvalidReason =
  | 'NOT_SIGNED'
  | 'BYTE_RANGE'
  | 'MALFORMED_SIGNATURE'
  | 'DIGEST_MISMATCH'
  | 'BAD_SIGNATURE'
  | 'UNTRUSTED'
  | 'CERTIFICATE_EXPIRED';

export type Verification =
  | { valid: true; signedBy: string; signedAt: Date | null }
  | { valid: false; reason: InvalidReason; signedBy: string | null; signedAt: Date | null };

const OID = {
  messageDigest: forge.pki.oids.messageDigest,
  signingTime: forge.pki.oids.signingTime,
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: forge.pki.oids.sha256,
};

/**
 * Verifies a PDF's last signature: its /ByteRange covers the whole file but the /Contents that
 * hold the signature, the CMS messageDigest is the SHA-256 of those bytes, the signed attributes
 * verify with the signer's certificate, and that certificate chains (through certificates the
 * signature carries) to one of `trusted` (PEM) and was valid at the signing time. Answers who
 * signed (the certificate's CN) and when (the signing time the signature claims).
 */
export function verifySignedPdf(pdf: Buffer, trusted: readonly X509Certificate[]): Verification {
  const range = byteRangeOf(pdf);
  if (range === 'NOT_SIGNED' || range === 'BYTE_RANGE') return invalid(range);
  let cms: SignedCms;
  try {
    cms = readCms(range.contents);
  } catch {
    return invalid('MALFORMED_SIGNATURE');
  }
  const signedBy = commonName(cms.signer);
  // The time the signer claims: PAdES puts it in the dictionary's /M (signed with the rest).
  const signedAt = cms.signingTime ?? range.claimedTime;
  const found = (reason: InvalidReason) => invalid(reason, signedBy, signedAt);
  if (cms.digestOid !== OID.sha256) return found('MALFORMED_SIGNATURE');
  const certHash = createHash('sha256').update(cms.signer.raw).digest();
  if (cms.essCertHash && !cms.essCertHash.equals(certHash)) return found('MALFORMED_SIGNATURE');
  const digest = createHash('sha256').update(range.signed).digest();
  if (!cms.messageDigest?.equals(digest)) return found('DIGEST_MISMATCH');
  if (!signatureHolds(cms)) return found('BAD_SIGNATURE');
  if (!chainsTo(cms.signer, cms.carried, trusted)) return found('UNTRUSTED');
  const at = signedAt ?? new Date();
  if (at < new Date(cms.signer.validFrom) || at > new Date(cms.signer.validTo)) {
    return found('CERTIFICATE_EXPIRED');
  }
  return { valid: true, signedBy, signedAt };
}

/** The signature over the signed attributes; a key it cannot be checked with fails it. */
function signatureHolds(cms: SignedCms): boolean {
  try {
    return verifySignature('sha256', cms.signedAttributes, cms.signer.publicKey, cms.signature);
  } catch {
    return false;
  }
}

/** The CA certificates of a PEM file's text (one or more). */
export function certificatesOfPem(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  return (blocks ?? []).map((block) => new X509Certificate(block));
}

function invalid(
  reason: InvalidReason,
  signedBy: string | null = null,
  signedAt: Date | null = null,
): Verification {
  return { valid: false, reason, signedBy, signedAt };
}

/**
 * The last /ByteRange [a b c d] and what it says: the bytes signed (0..b and c..c+d), which must
 * reach the end of the file, and the signature between them, written `<hex>`.
 */
function byteRangeOf(
  pdf: Buffer,
): { signed: Buffer; contents: Buffer; claimedTime: Date | null } | 'NOT_SIGNED' | 'BYTE_RANGE' {
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = ranges.at(-1);
  if (!last) return 'NOT_SIGNED';
  const [a, b, c, d] = last.slice(1, 5).map(Number);
  if (a !== 0 || !(b < c) || c + d !== pdf.length) return 'BYTE_RANGE';
  const hole = text.slice(b, c);
  if (!/^<[0-9a-fA-F]*>$/.test(hole)) return 'BYTE_RANGE';
  // The signature dictionary: from its opening before /ByteRange to its close after /Contents.
  const dictionary =
    text.slice(text.lastIndexOf('<<', last.index), b) + text.slice(c, text.indexOf('>>', c));
  return {
    signed: Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, c + d)]),
    contents: Buffer.from(hole.slice(1, -1), 'hex'),
    claimedTime: pdfDate(dictionary),
  };
}

/** A dictionary's /M (D:YYYYMMDDHHmmSS with Z or an offset), as a Date; null if none. */
function pdfDate(dictionary: string): Date | null {
  const m = /\/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?\)/.exec(
    dictionary,
  );
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7);
  const zone =
    !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replaceAll("'", '').slice(3, 5)}`;
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

interface SignedCms {
  signer: X509Certificate;
  carried: X509Certificate[];
  digestOid: string;
  /** The DER of the signed attributes as a SET: what the signature is over. */
  signedAttributes: Buffer;
  signature: Buffer;
  messageDigest: Buffer | null;
  signingTime: Date | null;
  /** The hash of the signer's certificate its signing-certificate-v2 attribute gives. */
  essCertHash: Buffer | null;
}

const { asn1 } = forge;
const bytesOf = (node: forge.asn1.Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
const valueOf = (node: forge.asn1.Asn1) => node.value as forge.asn1.Asn1[];

/** Reads a CMS SignedData's one signer: its certificate, its signed attributes and signature. */
function readCms(der: Buffer): SignedCms {
  // The hex of /Contents is padded with zeros after the DER: read the DER alone.
  const fromDer = asn1.fromDer as unknown as (
    bytes: forge.util.ByteStringBuffer,
    options: { parseAllBytes: boolean },
  ) => forge.asn1.Asn1;
  const content = fromDer(forge.util.createBuffer(der.toString('binary')), {
    parseAllBytes: false,
  });
  const signedData = valueOf(valueOf(valueOf(content)[1])[0]);
  const certificates = signedData.find(
    (node) => node.tagClass === asn1.Class.CONTEXT_SPECIFIC && node.type === 0,
  );
  const carried = valueOf(certificates!).map((node) => new X509Certificate(bytesOf(node)));
  const signerInfo = valueOf(valueOf(signedData.at(-1)!)[0]);
  const [issuer, serialNode] = valueOf(signerInfo[1]);
  const serial = forge.util.bytesToHex(serialNode.value as string);
  // By issuer and serial together: a CA's own certificate may share the leader's serial.
  const signer = carried.find(
    (cert) => sameSerial(cert.serialNumber, serial) && issuerDer(cert) === derOf(issuer),
  );
  if (!signer) throw new Error('the signer is not among the certificates');
  const digestOid = asn1.derToOid(valueOf(signerInfo[2])[0].value as string);
  const attributes = signerInfo[3];
  if (attributes.tagClass !== asn1.Class.CONTEXT_SPECIFIC) throw new Error('no signed attributes');
  const asSet = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, valueOf(attributes));
  const signature = Buffer.from(signerInfo[5].value as string, 'binary');
  const attribute = (oid: string) =>
    valueOf(attributes).find((node) => asn1.derToOid(valueOf(node)[0].value as string) === oid);
  const digest = attribute(OID.messageDigest);
  const time = attribute(OID.signingTime);
  // SigningCertificateV2 { certs: SEQUENCE OF ESSCertIDv2 { [hashAlgorithm,] certHash, … } }
  const ess = attribute(OID.signingCertificateV2);
  const firstCertId = ess && valueOf(valueOf(valueOf(valueOf(ess)[1])[0])[0])[0];
  const certHash =
    firstCertId && valueOf(firstCertId).find((node) => node.type === asn1.Type.OCTETSTRING);
  return {
    signer,
    carried,
    digestOid,
    signedAttributes: bytesOf(asSet),
    signature,
    messageDigest: digest
      ? Buffer.from(valueOf(valueOf(digest)[1])[0].value as string, 'binary')
      : null,
    signingTime: time ? timeOf(valueOf(valueOf(time)[1])[0]) : null,
    essCertHash: certHash ? Buffer.from(certHash.value as string, 'binary') : null,
  };
}

function timeOf(node: forge.asn1.Asn1): Date {
  const text = node.value as string;
  return node.type === asn1.Type.UTCTIME
    ? asn1.utcTimeToDate(text)
    : asn1.generalizedTimeToDate(text);
}

/** A certificate's issuer name, DER-encoded (as a binary string). */
function issuerDer(cert: X509Certificate): string {
  const tbs = valueOf(valueOf(asn1.fromDer(cert.raw.toString('binary')))[0]);
  // TBSCertificate: [0] version (explicit, optional), serial, signature algorithm, issuer…
  const versioned = tbs[0].tagClass === asn1.Class.CONTEXT_SPECIFIC;
  return derOf(tbs[versioned ? 3 : 2]);
}

function derOf(node: forge.asn1.Asn1): string {
  return asn1.toDer(node).getBytes();
}

function sameSerial(a: string, b: string): boolean {
  const strip = (hex: string) => hex.toLowerCase().replace(/^0+/, '');
  return strip(a) === strip(b);
}

/** Up the chain, through the certificates the signature carries, to a trusted authority. */
function chainsTo(
  certificate: X509Certificate,
  carried: X509Certificate[],
  trusted: readonly X509Certificate[],
): boolean {
  let current = certificate;
  for (let depth = 0; depth < 6; depth++) {
    if (trusted.some((ca) => current.checkIssued(ca) && current.verify(ca.publicKey))) return true;
    const issuer = carried.find(
      (cert) =>
        cert !== current && cert.ca && current.checkIssued(cert) && current.verify(cert.publicKey),
    );
    if (!issuer) return false;
    current = issuer;
  }
  return false;
}

/** The certificate's common name (CN), or its whole subject when it has none. */
export function commonName(certificate: X509Certificate): string {
  const line = certificate.subject.split('\n').find((part) => part.startsWith('CN='));
  return line ? line.slice(3) : certificate.subject;
}
