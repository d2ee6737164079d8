import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RECORDED_INDICATORS, type RecordedIndicator } from '../../metrics/indicators';
import { DossierMetrics } from './metrics.type';

export const RecordedIndicatorEnum = Object.fromEntries(
  RECORDED_INDICATORS.map((id) => [id, id]),
) as { [I in RecordedIndicator]: I };
registerEnumType(RecordedIndicatorEnum, {
  name: 'RecordedIndicator',
  description:
    'The 766 indicators the system cannot observe (publication, the national portal, the population database, satisfaction with feedback handling): an administrator records them.',
});

@ObjectType({ description: 'One indicator of the 766 service index.' })
export class ServiceIndicator {
  @Field(() => String) id!: string;
  @Field(() => String, { description: 'Its name, as the index names it.' }) name!: string;
  @Field(() => Float) max!: number;
  @Field(() => String, {
    description: 'OBSERVED: counted from the dossiers; RECORDED: entered by an administrator.',
  })
  source!: string;
  @Field(() => Boolean, { description: 'A RECORDED indicator was entered for this period.' })
  recorded!: boolean;
  @Field(() => Int, { nullable: true }) numerator!: number | null;
  @Field(() => Int, { nullable: true }) denominator!: number | null;
  @Field(() => Float, { nullable: true, description: '0–1; null: nothing to measure.' })
  ratio!: number | null;
  @Field(() => Float) points!: number;
}

@ObjectType({ description: 'One of the six groups of the 766 service index.' })
export class ServiceIndexGroup {
  @Field(() => String) id!: string;
  @Field(() => String) name!: string;
  @Field(() => Float) max!: number;
  @Field(() => Float) points!: number;
  @Field(() => [ServiceIndicator]) indicators!: ServiceIndicator[];
}

@ObjectType({
  description: 'The 766 service index (Decision 766/QĐ-TTg) of an agency for a period: 100 points.',
})
export class ServiceIndexResult {
  @Field(() => String) agencyCode!: string;
  @Field(() => String) from!: string;
  @Field(() => String) to!: string;
  @Field(() => Float) points!: number;
  @Field(() => [ServiceIndexGroup]) groups!: ServiceIndexGroup[];
}

@ObjectType({
  description:
    "An agency's place in a province's ranking on the 766 service index, with the figures behind its score.",
})
export class ServiceIndexRank {
  @Field(() => Int, {
    description:
      '1 for the most points; equal points share a rank and the next rank skips (1, 2, 2, 4).',
  })
  rank!: number;
  @Field(() => String) agencyCode!: string;
  @Field(() => String) agencyName!: string;
  @Field(() => String) agencyKind!: string;
  @Field(() => Float) points!: number;
  @Field(() => [ServiceIndexGroup], {
    description: 'Its groups and indicators, each with its numerator, denominator and points.',
  })
  groups!: ServiceIndexGroup[];
}

@ObjectType({
  description:
    "An agency's place in the national ranking on the 766 service index: a province as a whole, or a commune among every province's communes; with its score and its dossiers' figures.",
})
export class NationalRank extends ServiceIndexRank {
  @Field(() => String, {
    nullable: true,
    description: 'The province it is in (a province: its own code); null: under no province.',
  })
  provinceCode!: string | null;
  @Field(() => DossierMetrics, {
    description:
      "Its dossiers' figures for the period, as a whole: a province's, of every agency under it.",
  })
  figures!: DossierMetrics;
}
