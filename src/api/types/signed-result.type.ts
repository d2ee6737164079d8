import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    "The dossier's result as the leader signed it (kết quả điện tử có chữ ký số): a PDF signed in PAdES form with the leader's certificate, verified each time it is read.",
})
export class SignedResult {
  @Field(() => String, { description: "Who signed: the certificate's common name (CN)." })
  signedBy!: string;

  @Field(() => Date, { description: 'When it was signed, as the signature says.' })
  signedAt!: Date;

  @Field(() => Boolean, {
    description:
      'The signature verifies now: it covers the whole PDF, no signed byte changed, and the certificate chains to a trusted authority (SIGNING_TRUSTED_CA).',
  })
  valid!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Why it does not verify: NOT_SIGNED, BYTE_RANGE, MALFORMED_SIGNATURE, DIGEST_MISMATCH (a signed byte changed), BAD_SIGNATURE, UNTRUSTED or CERTIFICATE_EXPIRED; null when valid.',
  })
  problem!: string | null;

  @Field(() => String, {
    description:
      "Where the signed PDF downloads: officers send their token; the citizen adds `?phoneLast4=` (the look-up's four digits).",
  })
  downloadPath!: string;
}
