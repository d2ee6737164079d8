import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Dimension } from '../../store/figures/dossier-metrics';
import { DossierChannel } from './dossier.type';

export const MetricsDimension = {
  AGENCY: 'AGENCY',
  FIELD: 'FIELD',
  PROCEDURE: 'PROCEDURE',
  CHANNEL: 'CHANNEL',
  OFFICER: 'OFFICER',
  MONTH: 'MONTH',
  DAY: 'DAY',
} as const satisfies { [D in Dimension]: D };
registerEnumType(MetricsDimension, {
  name: 'MetricsDimension',
  description: 'What dossier figures are grouped by; OFFICER is the officer who received them.',
});

@InputType({ description: 'Which dossiers count: those received in the period.' })
export class DossierMetricsFilter {
  @Field(() => LocalDateResolver, { nullable: true, description: 'First day, inclusive.' })
  from?: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day, inclusive.' })
  to?: string;

  @Field(() => [String], {
    nullable: true,
    description:
      'Agencies by code (administrators: any; others: their own). None: mine; every agency for administrators.',
  })
  agencyCodes?: string[];

  @Field(() => String, { nullable: true })
  field?: string;

  @Field(() => String, { nullable: true, description: 'A process key.' })
  procedureKey?: string;

  @Field(() => DossierChannel, { nullable: true })
  channel?: DossierChannel;

  @Field(() => String, { nullable: true, description: 'The officer who received them.' })
  officer?: string;
}

const count = (description?: string) => Field(() => Int, { description });
const share = (description: string) => Field(() => Float, { nullable: true, description });

@ObjectType({
  description:
    'The figures of one group of dossiers received in the period. Shares are 0–1, null when there is nothing to divide by.',
})
export class DossierMetrics {
  @Field(() => String, { nullable: true }) agencyCode?: string;
  @Field(() => String, { nullable: true }) field?: string;
  @Field(() => String, { nullable: true }) procedureKey?: string;
  @Field(() => String, { nullable: true }) channel?: string;
  @Field(() => String, { nullable: true }) officer?: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM' }) month?: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) day?: string;

  @count() received!: number;
  @count('Resolved with a result at the one-stop desk (processed), judged then.') resolved!: number;
  @count('Resolved before the day of the appointment.') resolvedEarly!: number;
  @count('Resolved on the day of the appointment, in time.') resolvedOnTime!: number;
  @count('Resolved after the appointment, or late by rule.') resolvedLate!: number;
  @count('Received, then refused (Form 03).') refused!: number;
  @count(
    'Not received: the desk guided the citizen in writing to complete the dossier (Form 02, guideApplicant). Not a supplement request.',
  )
  guidedAtDesk!: number;
  @count('Not received: the desk refused the request in writing (Form 03, refuseApplicant).')
  refusedAtDesk!: number;
  @count() withdrawn!: number;
  @count('Stopped (Form 05).') stopped!: number;
  @count('Not finished now.') inProgress!: number;
  @count() inProgressWithinTime!: number;
  @count() inProgressOverdue!: number;
  @count(
    'Resolved, of a procedure with no statutory time: counted apart, neither on time nor late.',
  )
  resolvedUntimed!: number;
  @count('In progress, of a procedure with no statutory time: neither within time nor overdue.')
  inProgressUntimed!: number;
  @count('Resolved early or on time, or in progress within time.') onTime!: number;
  @share(
    'onTime over the dossiers with an appointment, resolved or in progress (766 progress); the untimed are left out.',
  )
  onTimeRate!: number | null;
  @count() onlineFull!: number;
  @count() onlinePartial!: number;
  @share('Received fully online.') onlineFullShare!: number | null;
  @share('Received partly online.') onlinePartialShare!: number | null;
  @count('Every paper digitized.') digitized!: number;
  @share('Dossiers with every paper digitized.') digitizedShare!: number | null;
  @count('Reusing digitized papers of an earlier dossier.') reused!: number;
  @share('Dossiers reusing digitized papers.') reuseShare!: number | null;
  @count('With fees.') withFee!: number;
  @count('With fees paid without cash.') cashless!: number;
  @share('Of the dossiers with fees, paid without cash.') cashlessShare!: number | null;
  @count('Results issued electronically.') electronicResults!: number;
  @count('Electronic certified copies issued.') electronicCopies!: number;
  @count('Of joint procedures.') joint!: number;
  @count('Results handed over.') returned!: number;
  @count('Results handed over at the one-stop desk.') returnedAtDesk!: number;
  @count('Results sent by public postal service (bưu chính công ích).') returnedByPost!: number;
  @count('Results brought to the citizen at home.') returnedAtHome!: number;
  @count('Results returned electronically.') returnedOnline!: number;
  @count('Resolved the day they were received ("4 tại chỗ").') resolvedSameDay!: number;
  @share('Of the dossiers received, resolved the day they were received ("4 tại chỗ").')
  sameDayShare!: number | null;
  @count('Received at home and returned at home ("3 tại nhà").') homeRoundTrip!: number;
  @count('Rated "not satisfied".') unsatisfied!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Working days (8 hours) from reception to result, paused time removed.',
  })
  averageProcessingDays!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Nine in ten resolved within this many working days: the upper bound of the working-time bucket the 90th percentile falls in (hourly the first day, half-days to 10 days, days to 30, 5 days to 90).',
  })
  p90ProcessingDays?: number | null;
}

@ObjectType({ description: 'How one step (user task) of a process version performed.' })
export class StepMetrics {
  @Field(() => String) elementId!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @count('Completed in the period.') completed!: number;
  @Field(() => Float, { nullable: true, description: 'Average working days (8 hours).' })
  averageDays!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Nine in ten completed within this many working days (a bucket upper bound).',
  })
  p90Days!: number | null;
  @share('Of those completed, completed after their due time.') overdueShare!: number | null;
  @count('Open now.') waitingNow!: number;
  @count('Open now and past their due time.') waitingOverdue!: number;
  @Field(() => Boolean, {
    description: 'The step with the longest p90 (then the most waiting): the bottleneck.',
  })
  bottleneck!: boolean;
}
