import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { holds } from '../../auth/policy';
import { AppError } from '../../errors';
import { dossierMetrics, type Dimension } from '../../metrics/dossier-metrics';
import { figuresOf, type DossierFigures } from '../../metrics/summary';
import type { ApiContext } from '../context';
import { optionalText } from '../inputs';
import { DossierMetrics, DossierMetricsFilter, MetricsDimension } from '../types/metrics.type';
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
  ): Promise<DossierFigures[]> {
    const me = signedIn(context);
    const wanted = filter?.agencyCodes;
    if (wanted && !holds(me, 'admin') && wanted.some((code) => code !== me.agency.code)) {
      throw new AppError('FORBIDDEN', `Only administrators see other agencies' figures`, {
        field: 'filter.agencyCodes',
      });
    }
    if (filter?.from && filter.to && filter.to < filter.from) {
      throw new AppError('BAD_USER_INPUT', 'The period ends before it begins', {
        field: 'filter.to',
      });
    }
    const rows = await dossierMetrics(
      context.dataSource,
      {
        from: filter?.from,
        to: filter?.to,
        agencyCodes: wanted ?? (holds(me, 'admin') ? undefined : [me.agency.code]),
        field: optionalText(filter?.field, 'filter.field'),
        procedureKey: optionalText(filter?.procedureKey, 'filter.procedureKey'),
        channel: filter?.channel,
        officer: optionalText(filter?.officer, 'filter.officer'),
      },
      groupBy,
      context.now(),
    );
    return rows.map(figuresOf);
  }
}
