import { createHash, createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { Signer } from '@signpdf/utils';
import forge from 'node-forge';

const { asn1 } = forge;
type Node = forge.asn1.Asn1;

const OIDS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
};

const universal = (type: number, value: string | Node[]) =>
  asn1.create(asn1.Class.UNIVERSAL, type, Array.isArray(value), value);
const sequence = (...items: Node[]) => universal(asn1.Type.SEQUENCE, items);
const set = (...items: Node[]) => universal(asn1.Type.SET, items);
const oid = (id: string) => universal(asn1.Type.OID, asn1.oidToDer(id).getBytes());
const octets = (bytes: Buffer) => universal(asn1.Type.OCTETSTRING, bytes.toString('binary'));
const integer = (value: number) =>
  universal(asn1.Type.INTEGER, asn1.integerToDer(value).getBytes());
const algorithm = (id: string) => sequence(oid(id), universal(asn1.Type.NULL, ''));
const der = (node: Node) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
const parse = (bytes: Buffer) => asn1.fromDer(bytes.toString('binary'));

/** A certificate as it came, byte for byte, with the issuer and serial its signer names. */
interface Certificate {
  der: Buffer;
  issuer: Node;
  serial: Node;
}

/**
 * Signs with a PKCS#12 in the form PAdES baseline B-B asks (ETSI EN 319 142-1): a detached CMS
 * SignedData whose signed attributes are the content type, the message digest (SHA-256) and the
 * signing certificate (ESS signing-certificate-v2), and no signing-time attribute: the claimed
 * time is the signature dictionary's /M. The signer's issuer and serial are copied from its
 * certificate's own bytes, so that any verifier finds it. RSA keys only (PKCS#1 v1.5).
 */
export class PadesSigner extends Signer {
  private readonly key: KeyObject;
  private readonly signer: Certificate;
  private readonly certificates: Certificate[];

  constructor(p12: Buffer, passphrase: string) {
    super();
    const opened = forge.pkcs12.pkcs12FromAsn1(parse(p12), false, passphrase);
    const keyBags = opened.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag });
    const key = keyBags[forge.pki.oids.pkcs8ShroudedKeyBag]?.[0]?.key as
      forge.pki.rsa.PrivateKey | undefined;
    if (!key) throw new Error('the PKCS#12 holds no private key');
    const certBags = opened.getBags({ bagType: forge.pki.oids.certBag });
    const certificates = (certBags[forge.pki.oids.certBag] ?? []).flatMap((bag) =>
      bag.cert ? [{ cert: bag.cert, ...certificateOf(bag.cert) }] : [],
    );
    const mine = certificates.find(
      ({ cert }) =>
        (cert.publicKey as forge.pki.rsa.PublicKey).n.compareTo(key.n) === 0 &&
        (cert.publicKey as forge.pki.rsa.PublicKey).e.compareTo(key.e) === 0,
    );
    if (!mine) throw new Error('no certificate of the PKCS#12 matches its private key');
    this.key = createPrivateKey(forge.pki.privateKeyToPem(key));
    this.signer = mine;
    this.certificates = certificates;
  }

  /** The CMS SignedData (DER) over `content`, the PDF's bytes but the signature's own. */
  override async sign(content: Buffer): Promise<Buffer> {
    const attributes = this.signedAttributes(createHash('sha256').update(content).digest());
    const signature = sign('sha256', der(set(...attributes)), this.key);
    const signerInfo = sequence(
      integer(1),
      sequence(this.signer.issuer, this.signer.serial),
      algorithm(OIDS.sha256),
      asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attributes),
      algorithm(OIDS.rsaEncryption),
      octets(signature),
    );
    const signedData = sequence(
      integer(1),
      set(algorithm(OIDS.sha256)),
      sequence(oid(OIDS.data)),
      asn1.create(
        asn1.Class.CONTEXT_SPECIFIC,
        0,
        true,
        this.certificates.map((certificate) => parse(certificate.der)),
      ),
      set(signerInfo),
    );
    return der(
      sequence(
        oid(OIDS.signedData),
        asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData]),
      ),
    );
  }

  /** Content type, message digest and signing-certificate-v2, in DER's order for a SET OF. */
  private signedAttributes(digest: Buffer): Node[] {
    const attribute = (type: string, value: Node) => sequence(oid(type), set(value));
    // ESSCertIDv2: the hash algorithm is SHA-256, the default, so left out.
    const essCertId = sequence(
      octets(createHash('sha256').update(this.signer.der).digest()),
      sequence(
        sequence(asn1.create(asn1.Class.CONTEXT_SPECIFIC, 4, true, [this.signer.issuer])),
        this.signer.serial,
      ),
    );
    return [
      attribute(OIDS.contentType, oid(OIDS.data)),
      attribute(OIDS.messageDigest, octets(digest)),
      attribute(OIDS.signingCertificateV2, sequence(sequence(essCertId))),
    ]
      .map((node) => ({ node, bytes: der(node) }))
      .sort((a, b) => Buffer.compare(a.bytes, b.bytes))
      .map(({ node }) => node);
  }
}

/** The certificate's bytes (as forge keeps them from the file), its issuer and its serial. */
function certificateOf(cert: forge.pki.Certificate): Certificate {
  const bytes = der(forge.pki.certificateToAsn1(cert));
  const tbs = (parse(bytes).value as Node[])[0].value as Node[];
  // TBSCertificate: [0] version (v2, v3), serialNumber, signature, issuer, …
  const at = tbs[0].tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return { der: bytes, serial: tbs[at], issuer: tbs[at + 2] };
}
