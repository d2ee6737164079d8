import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { notFound } from '../../errors';
import { definitionById } from '../../store/definitions';
import { findDossierInstance } from '../../store/instances';
import { openTasksOf } from '../../store/tasks';
import type { ApiContext } from '../context';
import { requiredText } from '../inputs';
import { DossierLookup, type DossierStage } from '../types/lookup.type';

const STAGE_LABELS: Record<DossierStage, string> = {
  IN_PROGRESS: 'Đang giải quyết',
  WAITING_FOR_PAPERS: 'Chờ công dân bổ sung hồ sơ',
  DONE: 'Đã có kết quả',
  STOPPED: 'Đã dừng giải quyết',
};

@Resolver()
export class LookupResolver {
  @Query(() => DossierLookup, {
    description:
      'The citizen looks up a dossier by its code, without signing in (tra cứu tình trạng hồ sơ).',
  })
  async dossierLookup(
    @Arg('code', () => String) code: string,
    @Ctx() context: ApiContext,
  ): Promise<DossierLookup> {
    const wanted = requiredText(code, 'code');
    const instance = await findDossierInstance(context.dataSource, wanted);
    if (!instance) throw notFound('Dossier', wanted, { field: 'code' });
    const definition = await definitionById(context.dataSource.manager, instance.definitionId);
    const stage: DossierStage =
      instance.status === 'COMPLETED'
        ? 'DONE'
        : instance.status === 'TERMINATED'
          ? 'STOPPED'
          : instance.clockPausedAt
            ? 'WAITING_FOR_PAPERS'
            : 'IN_PROGRESS';
    const open = stage === 'IN_PROGRESS' || stage === 'WAITING_FOR_PAPERS';
    return {
      code: wanted,
      procedureName: definition.name,
      procedureCode: definition.procedureCode,
      stage,
      stageLabel: STAGE_LABELS[stage],
      receivedAt: instance.startedAt,
      appointmentAt: instance.dueAt,
      late: instance.overdue,
      currentSteps: open
        ? (await openTasksOf(context.dataSource, instance.id)).map((t) => t.name ?? t.elementId)
        : [],
    };
  }
}
