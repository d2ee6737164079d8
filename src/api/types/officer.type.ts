import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type { MembershipKind as StoredKind } from '../../store/entities';

export const MembershipKind = { official: 'official', backup: 'backup' } as const satisfies {
  [K in StoredKind]: K;
};
export type MembershipKind = StoredKind;
registerEnumType(MembershipKind, {
  name: 'MembershipKind',
  description: 'official: holds the role; backup: takes its tasks while an official member is away',
});

@ObjectType({ description: 'A body whose officers work dossiers (cơ quan).' })
export class Agency {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  kind!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What its dossier codes begin with: the national agency code.',
  })
  dossierPrefix!: string | null;

  @Field(() => [String], { description: 'The agencies it works for in joint procedures.' })
  serves!: string[];

  @Field(() => String, {
    nullable: true,
    description:
      "The agency above it: a commune's district or province, a district's province; none for a province.",
  })
  parentCode!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The bank its fees are paid to: the bank's NAPAS BIN (six digits).",
  })
  payeeBankBin?: string | null;

  @Field(() => String, { nullable: true, description: 'The account its fees are paid to.' })
  payeeAccount?: string | null;

  @Field(() => String, { nullable: true, description: "That account's name." })
  payeeName?: string | null;
}

@ObjectType({ description: 'An officer (cán bộ) and the roles they hold now.' })
export class Officer {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  username!: string;

  @Field(() => String)
  fullName!: string;

  @Field(() => Agency)
  agency!: Agency;

  @Field(() => [String], {
    description: 'Roles held now: official ones, and those covered for an absent colleague.',
  })
  roles!: string[];

  @Field(() => [String], { description: 'Roles held now only as a backup.' })
  covering!: string[];
}

@ObjectType()
export class SignIn {
  @Field(() => String, { description: "Send it as 'Authorization: Bearer <token>'." })
  token!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => Officer)
  officer!: Officer;
}

@InputType()
export class RoleInput {
  @Field(() => String)
  role!: string;

  @Field(() => MembershipKind, { defaultValue: 'official' })
  kind!: MembershipKind;
}

@InputType()
export class OfficerInput {
  @Field(() => String)
  username!: string;

  @Field(() => String)
  fullName!: string;

  @Field(() => String)
  agencyCode!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'At least 10 characters; omit for officers who sign in through the identity provider.',
  })
  password?: string;

  @Field(() => [RoleInput], { defaultValue: [] })
  roles!: RoleInput[];
}

@ObjectType({ description: 'A period an officer is away (vắng mặt); backups cover their roles.' })
export class Absence {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  username!: string;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date)
  endsAt!: Date;

  @Field(() => String)
  reason!: string;

  @Field(() => String)
  setBy!: string;
}

@ObjectType({ description: 'One mutation: who, when, on what, and how it ended.' })
export class AuditEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => String, { nullable: true })
  actor!: string | null;

  @Field(() => String)
  action!: string;

  @Field(() => String, { nullable: true })
  target!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The reason the mutation gave (moveToken, cancelStep, handOnTask, …), when it gave one.',
  })
  reason!: string | null;

  @Field(() => String, { description: 'OK, or the code of the error that refused it.' })
  outcome!: string;
}

@InputType()
export class AuditFilter {
  @Field(() => String, { nullable: true })
  actor?: string;

  @Field(() => String, { nullable: true })
  action?: string;

  @Field(() => String, { nullable: true, description: 'OK, or an error code.' })
  outcome?: string;

  @Field(() => Date, { nullable: true })
  from?: Date;

  @Field(() => Date, { nullable: true })
  to?: Date;
}
