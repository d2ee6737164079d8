import { LocalDateResolver } from 'graphql-scalars';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import { dossierMetrics, type Dimension } from '../../store/figures/dossier-metrics';
import type { RecordedIndicator } from '../../metrics/indicators';
import { recordIndicator } from '../../metrics/recorded-indicators';
import { serviceIndex, type ServiceIndex } from '../../metrics/service-index';
import {
  agenciesUnder,
  rankServiceIndexes,
  type RankedIndex,
} from '../../metrics/service-index-ranking';
import { stepMetrics, type StepFigures } from '../../metrics/step-metrics';
import {
  nationalRanking,
  PROVINCE_KIND,
  type NationalRank as NationalRankRow,
} from '../../metrics/national-ranking';
import { figuresOf, type DossierFigures } from '../../metrics/summary';
import { asksFor } from '../asks-for';
import type { ApiContext } from '../context';
import { optionalText, requiredText } from '../inputs';
import { checkPeriod, checkRankingScope, metricsAgencies, metricsAgency } from '../metrics-scope';
import {
  DossierMetrics,
  DossierMetricsFilter,
  MetricsDimension,
  StepMetrics,
} from '../types/metrics.type';
import {
  NationalRank,
  RecordedIndicatorEnum,
  ServiceIndexRank,
  ServiceIndexResult,
  ServiceIndicator,
} from '../types/service-index.type';
import { signedIn } from './officer.resolver';

@Resolver()
export class MetricsResolver {
  @Query(() => [DossierMetrics], {
    description:
      'Figures of the dossiers received in a period (766 rules: on time is by the appointment with paused time removed; a second supplement request is late), grouped.',
  })
  async dossierMetrics(
    @Arg('filter', () => DossierMetricsFilter, { nullable: true })
    filter: DossierMetricsFilter | null,
    @Arg('groupBy', () => [MetricsDimension], { defaultValue: [] }) groupBy: Dimension[],
    @Ctx() context: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<DossierFigures[]> {
    const agencyCodes = metricsAgencies(
      signedIn(context),
      filter?.agencyCodes,
      'filter.agencyCodes',
    );
    if (filter?.from && filter.to) checkPeriod(filter.from, filter.to, 'filter.to');
    const rows = await dossierMetrics(
      context.store,
      {
        from: filter?.from,
        to: filter?.to,
        agencyCodes,
        field: optionalText(filter?.field, 'filter.field'),
        procedureKey: optionalText(filter?.procedureKey, 'filter.procedureKey'),
        channel: filter?.channel,
        officer: optionalText(filter?.officer, 'filter.officer'),
      },
      groupBy,
      context.now(),
      { p90: asksFor(info, 'p90ProcessingDays') },
    );
    return rows.map(figuresOf);
  }

  @Query(() => [StepMetrics], {
    description:
      'Per step of a process version (latest by default), for the steps completed in a period: count, average and p90 working time, share overdue, and what waits there now; the bottleneck is marked.',
  })
  stepMetrics(
    @Arg('processDefinitionKey', () => String) key: string,
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Ctx() context: ApiContext,
    @Arg('version', () => Int, { nullable: true }) version?: number,
  ): Promise<StepFigures[]> {
    checkPeriod(from, to);
    return stepMetrics(context.store, {
      key: requiredText(key, 'processDefinitionKey'),
      version: version ?? undefined,
      from,
      to,
      now: context.now(),
    });
  }

  @Query(() => ServiceIndexResult, {
    description:
      "The 766 service index of an agency (default: mine; others' for administrators) for the dossiers received in a period.",
  })
  serviceIndex(
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Ctx() context: ApiContext,
    @Arg('agencyCode', () => String, { nullable: true }) agencyCode?: string,
  ): Promise<ServiceIndex> {
    const agency = metricsAgency(
      signedIn(context),
      optionalText(agencyCode, 'agencyCode'),
      'agencyCode',
    );
    checkPeriod(from, to);
    return serviceIndex(context.store, agency, { from, to }, context.now());
  }

  @Query(() => [ServiceIndexRank], {
    description:
      'The 766 service index of every agency under a province (at any depth: its departments, districts and communes; a district ranks its own) for the dossiers received in a period, ranked by points, highest first. Equal points share a rank and the next skips (1, 2, 2, 4); agencies of equal points are listed by code. Administrators for any province; a leader for the province (or district) their agency is in.',
  })
  async serviceIndexRanking(
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Arg('provinceCode', () => String, {
      description: "The province's agency code (or a district's, to rank its communes).",
    })
    provinceCode: string,
    @Ctx() context: ApiContext,
    @Arg('kind', () => String, {
      nullable: true,
      description:
        'Only the agencies of this kind, e.g. commune: the dashboard ranks communes among communes.',
    })
    kind?: string,
  ): Promise<RankedIndex[]> {
    const me = signedIn(context);
    const province = requiredText(provinceCode, 'provinceCode');
    const only = optionalText(kind, 'kind');
    checkPeriod(from, to);
    const below = await agenciesUnder(context.store, province);
    checkRankingScope(me, province, below, 'provinceCode');
    return rankServiceIndexes(
      context.store,
      below.filter((agency) => only === undefined || agency.kind === only),
      { from, to },
      context.now(),
    );
  }

  @Query(() => [NationalRank], {
    description:
      'Every agency of a kind, ranked on the 766 service index for the dossiers received in a period, with its figures: on a national reporting server, across every province it follows. Provinces (the default kind) are scored as a whole, from the dossiers of every agency under them; any other kind (commune) each on its own, all ranked together. Ties as in serviceIndexRanking. Administrators.',
  })
  nationalRanking(
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Ctx() context: ApiContext,
    @Arg('kind', () => String, {
      defaultValue: PROVINCE_KIND,
      description: 'The kind of agency ranked: province (as a whole), commune…',
    })
    kind: string,
  ): Promise<NationalRankRow[]> {
    checkPeriod(from, to);
    return nationalRanking(context.store, requiredText(kind, 'kind'), { from, to }, context.now());
  }

  @Mutation(() => ServiceIndicator, {
    description:
      'Records an indicator of the 766 index the system cannot observe, for an agency and period (administrators).',
  })
  async recordServiceIndicator(
    @Arg('agencyCode', () => String) agencyCode: string,
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Arg('indicator', () => RecordedIndicatorEnum) indicator: RecordedIndicator,
    @Arg('numerator', () => Int) numerator: number,
    @Arg('denominator', () => Int) denominator: number,
    @Ctx() context: ApiContext,
  ): Promise<ServiceIndicator> {
    checkPeriod(from, to);
    const me = signedIn(context);
    await recordIndicator(context.store, {
      agencyCode: requiredText(agencyCode, 'agencyCode'),
      from,
      to,
      indicator,
      numerator,
      denominator,
      by: me.username,
      now: context.now(),
    });
    const index = await serviceIndex(context.store, agencyCode, { from, to }, context.now());
    return index.groups.flatMap((group) => group.indicators).find((i) => i.id === indicator)!;
  }
}
