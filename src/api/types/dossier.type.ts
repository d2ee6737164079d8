import { GraphQLJSON } from 'graphql-scalars';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { NotificationChannel } from './dispatch.type';
import type {
  DossierChannel as StoredChannel,
  DossierOutcome as EntityOutcome,
  ResultReturnMethod as StoredReturnMethod,
} from '../../store/entities';
import { DOSSIER_STATUS, type DossierStatusName } from '../../dossier/life-cycle/status';
import { PageInfo } from './task.type';

export const DossierChannel = {
  IN_PERSON: 'IN_PERSON',
  ONLINE_FULL: 'ONLINE_FULL',
  ONLINE_PARTIAL: 'ONLINE_PARTIAL',
  POSTAL: 'POSTAL',
  AT_HOME: 'AT_HOME',
} as const satisfies { [C in StoredChannel]: C };
export type DossierChannel = StoredChannel;
registerEnumType(DossierChannel, {
  name: 'DossierChannel',
  description:
    'How the dossier reached the office: in person, online (full or partial), by post, at home.',
});

export const DossierStatus = Object.fromEntries(
  Object.keys(DOSSIER_STATUS).map((name) => [name, name]),
) as { [N in DossierStatusName]: N };
registerEnumType(DossierStatus, {
  name: 'DossierStatus',
  description:
    'The national status (1–10) a dossier is synchronized with; `statusCode` gives the number.',
});

export const ResultReturnMethod = {
  AT_DESK: 'AT_DESK',
  BY_POST: 'BY_POST',
  AT_HOME: 'AT_HOME',
  ONLINE: 'ONLINE',
} as const satisfies { [M in StoredReturnMethod]: M };
export type ResultReturnMethod = StoredReturnMethod;
registerEnumType(ResultReturnMethod, {
  name: 'ResultReturnMethod',
  description:
    'How the result went back to the citizen: at the one-stop desk (tại bộ phận một cửa), by public postal service (bưu chính công ích), at home (tại nhà), or electronically (trực tuyến).',
});

export const DossierOutcome = {
  EARLY: 'EARLY',
  ON_TIME: 'ON_TIME',
  LATE: 'LATE',
  UNTIMED: 'UNTIMED',
} as const satisfies { [O in EntityOutcome]: O };
registerEnumType(DossierOutcome, {
  name: 'DossierOutcome',
  description:
    'How a dossier kept its appointment, judged when its result reached the one-stop desk (paused time removed): before its day, on it, late (after it, asked for papers twice, or given a new date), or UNTIMED when its procedure sets no statutory time (counted apart, never as on time).',
});

export const ComponentKind = {
  ORIGINAL: 'ORIGINAL',
  CERTIFIED_COPY: 'CERTIFIED_COPY',
  PHOTOCOPY: 'PHOTOCOPY',
} as const;
registerEnumType(ComponentKind, { name: 'ComponentKind' });

export const ApplicantKind = { INDIVIDUAL: 'INDIVIDUAL', ORGANIZATION: 'ORGANIZATION' } as const;
export type ApplicantKind = keyof typeof ApplicantKind;
registerEnumType(ApplicantKind, { name: 'ApplicantKind' });

@ObjectType({ description: "The person who came on the applicant's behalf." })
export class Representative {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'CCCD (12 digits) or CMND (9).' })
  idNumber!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "The power of attorney (giấy ủy quyền) they hold; none for an organisation's legal representative.",
  })
  authorization?: string;

  @Field(() => String, { nullable: true, description: 'Their position or relation.' })
  role?: string;
}

@InputType()
export class RepresentativeInput {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  idNumber!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Required for a person authorised by the applicant: the power of attorney.',
  })
  authorization?: string;

  @Field(() => String, { nullable: true })
  role?: string;
}

@ObjectType({ description: 'Who applied (người nộp hồ sơ).' })
export class Applicant {
  @Field(() => ApplicantKind, {
    description: 'A person (cá nhân) or an organisation (tổ chức).',
  })
  kind!: ApplicantKind;

  @Field(() => String, { description: "The person's or the organisation's name." })
  name!: string;

  @Field(() => String, { nullable: true, description: "A person's CCCD (12 digits) or CMND (9)." })
  idNumber?: string;

  @Field(() => String, {
    nullable: true,
    description: "An organisation's enterprise or tax code (mã số doanh nghiệp / mã số thuế).",
  })
  taxCode?: string;

  @Field(() => String, { nullable: true })
  phone?: string;

  @Field(() => String, { nullable: true })
  email?: string;

  @Field(() => String, { nullable: true })
  address?: string;

  @Field(() => Representative, {
    nullable: true,
    description: "Who came on the applicant's behalf (người đại diện / người được ủy quyền).",
  })
  representative?: Representative;
}

@InputType({
  description:
    'Who applies: a person with their identity number, or an organisation with its enterprise or tax code and the representative who came for it. A person may send an authorised representative.',
})
export class ApplicantInput {
  @Field(() => ApplicantKind, { defaultValue: 'INDIVIDUAL' })
  kind?: ApplicantKind;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Required for a person: CCCD or CMND.' })
  idNumber?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Required for an organisation: 10 digits, or 10-3 for a dependent unit.',
  })
  taxCode?: string;

  @Field(() => String, { nullable: true })
  phone?: string;

  @Field(() => String, { nullable: true })
  email?: string;

  @Field(() => String, { nullable: true })
  address?: string;

  @Field(() => RepresentativeInput, {
    nullable: true,
    description: 'Required for an organisation.',
  })
  representative?: RepresentativeInput;
}

@ObjectType({ description: 'A paper handed in (thành phần hồ sơ).' })
export class SubmittedComponent {
  @Field(() => String)
  name!: string;

  @Field(() => ComponentKind)
  kind!: keyof typeof ComponentKind;

  @Field(() => Int)
  count!: number;

  @Field(() => Boolean, { description: 'Scanned at reception (số hóa).' })
  digitized!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Reused from an earlier dossier, by its code.',
  })
  reusedFrom?: string;
}

@InputType()
export class ComponentInput {
  @Field(() => String)
  name!: string;

  @Field(() => ComponentKind)
  kind!: keyof typeof ComponentKind;

  @Field(() => Int, { defaultValue: 1 })
  count!: number;

  @Field(() => Boolean, { defaultValue: false })
  digitized!: boolean;

  @Field(() => String, { nullable: true })
  reusedFrom?: string;
}

@InputType()
export class ReceiveDossierInput {
  @Field(() => String, { description: 'The procedure, by its process key.' })
  procedureKey!: string;

  @Field(() => ApplicantInput)
  applicant!: ApplicantInput;

  @Field(() => DossierChannel, { defaultValue: 'IN_PERSON' })
  channel!: DossierChannel;

  @Field(() => [ComponentInput])
  components!: ComponentInput[];

  @Field(() => Int, {
    nullable: true,
    description:
      "The fees due, in đồng, as assessed at reception; left out, the procedure's fee rule computes them from the variables and papers (free without one).",
  })
  feeAmount?: number;

  @Field(() => String, {
    nullable: true,
    description: 'The online submission id: the same one received twice is one dossier.',
  })
  submissionId?: string;

  @Field(() => GraphQLJSON, { nullable: true, description: "The application form's data." })
  variables?: unknown;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      'Papers are missing: receive anyway and ask for them at once (Form 02) instead of COMPONENTS_MISSING.',
  })
  requestMissing!: boolean;

  @Field(() => ResultReturnMethod, {
    defaultValue: 'AT_DESK',
    description: 'How the citizen asks to get the result; the receipt (Form 01) says it.',
  })
  resultDelivery!: ResultReturnMethod;

  @Field(() => NotificationChannel, {
    nullable: true,
    description:
      "How the citizen chose to be told of each turn: SMS or Zalo (needs the applicant's phone), e-mail (their e-mail); left out, not told.",
  })
  notifyBy?: NotificationChannel | null;
}

@ObjectType({ description: 'A form issued for the dossier, as issued (Circular 03/2025).' })
export class DossierForm {
  @Field(() => String, {
    description: '01 receipt, 02 supplement request, 03 refusal, 04 apology, 05 stop notice.',
  })
  number!: string;

  @Field(() => Date)
  issuedAt!: Date;

  @Field(() => String)
  issuedBy!: string;

  @Field(() => GraphQLJSON)
  content!: Record<string, unknown>;
}

@ObjectType({ description: 'A dossier (hồ sơ): what a citizen applied for, and where it stands.' })
export class Dossier {
  @Field(() => String, {
    description: "`<agency prefix>-<yymmdd>-<sequence>`; its process instance's business key.",
  })
  code!: string;

  @Field(() => String)
  agencyCode!: string;

  @Field(() => Applicant)
  applicant!: Applicant;

  @Field(() => DossierChannel)
  channel!: DossierChannel;

  @Field(() => [SubmittedComponent])
  components!: SubmittedComponent[];

  @Field(() => Date)
  receivedAt!: Date;

  @Field(() => String)
  receivedBy!: string;

  @Field(() => Date, {
    nullable: true,
    description:
      'When processing ended: the result reached the one-stop desk (status PROCESSED, the moment it is judged), or it was refused or stopped.',
  })
  finishedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the result was handed to the citizen (status RETURNED).',
  })
  returnedAt!: Date | null;

  @Field(() => ResultReturnMethod, { nullable: true, description: 'How the result went back.' })
  returnMethod!: ResultReturnMethod | null;

  @Field(() => DossierOutcome, {
    nullable: true,
    description: 'Set once, when the result reaches the one-stop desk.',
  })
  outcome!: keyof typeof DossierOutcome | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Working minutes from reception to the result, the paused time removed.',
  })
  processingMinutes!: number | null;

  @Field(() => String, { nullable: true, description: "The result document's number." })
  resultNumber!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'The result was issued electronically.' })
  resultElectronic!: boolean | null;

  @Field(() => Int, { description: 'Electronic certified copies issued with the result.' })
  electronicCopies!: number;
}

@ObjectType()
export class DossierEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Dossier)
  node!: Dossier;
}

@ObjectType({ description: 'A page of dossiers, newest first (Relay connection).' })
export class DossierConnection {
  @Field(() => [DossierEdge])
  edges!: DossierEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** Counted only when the query asks for it. */
  @Field(() => Int, { description: 'How many dossiers match the filter, on all pages.' })
  totalCount?: number;
}

@InputType()
export class DossierFilter {
  @Field(() => DossierStatus, { nullable: true })
  status?: DossierStatusName;

  @Field(() => String, { nullable: true, description: 'The procedure, by its process key.' })
  procedureKey?: string;

  @Field(() => String, { nullable: true, description: "The procedure's field, e.g. land." })
  field?: string;

  @Field(() => String, {
    nullable: true,
    description: "Another agency's dossiers (administrators only); my agency's by default.",
  })
  agencyCode?: string;

  @Field(() => DossierChannel, { nullable: true })
  channel?: DossierChannel;

  @Field(() => Date, { nullable: true })
  receivedFrom?: Date;

  @Field(() => Date, { nullable: true })
  receivedBefore?: Date;

  @Field(() => Date, { nullable: true, description: 'Appointment before this time.' })
  dueBefore?: Date;

  @Field(() => Boolean, { nullable: true })
  overdue?: boolean;
}

export const PaymentMethod = { CASH: 'CASH', BANK_TRANSFER: 'BANK_TRANSFER', QR: 'QR' } as const;
registerEnumType(PaymentMethod, { name: 'PaymentMethod' });

@ObjectType({ description: "A payment of the dossier's fees." })
export class DossierPayment {
  @Field(() => Int, { description: 'In đồng.' })
  amount!: number;

  @Field(() => PaymentMethod)
  method!: keyof typeof PaymentMethod;

  @Field(() => Date)
  paidAt!: Date;

  @Field(() => String)
  recordedBy!: string;
}

export const StepResult = { EARLY: 'EARLY', ON_TIME: 'ON_TIME', LATE: 'LATE' } as const;
registerEnumType(StepResult, { name: 'StepResult', description: 'Sớm hạn, đúng hạn, quá hạn.' });

@ObjectType({ description: 'One hand-over of the control sheet (Form 06).' })
export class HandOver {
  @Field(() => String)
  step!: string;

  @Field(() => String, { nullable: true })
  agency!: string | null;

  @Field(() => Date)
  receivedAt!: Date;

  @Field(() => String, { description: 'Who handed the dossier to this step.' })
  giver!: string;

  @Field(() => String, { nullable: true, description: 'Who did the step.' })
  receiver!: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the step handed it on (null: still there).',
  })
  handedOverAt!: Date | null;

  @Field(() => Date, { nullable: true })
  dueAt!: Date | null;

  @Field(() => StepResult, { nullable: true })
  result!: keyof typeof StepResult | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the step was handed on to another agency before it was done (ghi chú).',
  })
  note!: string | null;
}

@ObjectType({ description: 'A line of the tracking book (Form 07, sổ theo dõi hồ sơ).' })
export class TrackingBookLine {
  @Field(() => Int)
  number!: number;

  @Field(() => String)
  code!: string;

  @Field(() => String, { description: 'What was asked: the procedure.' })
  request!: string;

  @Field(() => Int, { description: 'How many papers were handed in.' })
  papers!: number;

  @Field(() => String)
  applicant!: string;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => Date)
  receivedAt!: Date;

  @Field(() => Date, { nullable: true })
  appointmentAt!: Date | null;

  @Field(() => Date, { nullable: true })
  returnedAt!: Date | null;

  @Field(() => String, { description: 'Where it stands, in Vietnamese.' })
  note!: string;
}
