import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Applicant, ApplicantInput } from './dossier.type';

@ObjectType({
  description:
    'What the desk hands a citizen whose dossier it does not receive: written guidance to complete it (Form 02) or a refusal (Form 03). Printable at /forms/desk/<id>.',
})
export class DeskNotice {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "'02' (guidance) or '03' (refusal)." })
  number!: string;

  @Field(() => String)
  procedureKey!: string;

  @Field(() => String)
  agencyCode!: string;

  @Field(() => Applicant)
  applicant!: Applicant;

  @Field(() => GraphQLJSON, { description: 'The reason, and for guidance the papers to add.' })
  content!: object;

  @Field(() => String)
  issuedBy!: string;

  @Field(() => Date)
  issuedAt!: Date;
}

@InputType()
export class DeskNoticeInput {
  @Field(() => String, { description: "The procedure asked for (its process's key)." })
  procedureKey!: string;

  @Field(() => ApplicantInput)
  applicant!: ApplicantInput;

  @Field(() => String, { description: 'Why: what is wrong, or why the office cannot take it.' })
  reason!: string;
}
