import { stepsCompleted, stepsP90, stepsWaiting } from '../store/figures/step-metrics';
import type { Store } from '../store/store';
import { AppError, notFound } from '../errors';
import { listDefinitions } from '../store/definitions';
import { WORKING_DAY_MINUTES } from './summary';

/** How one BPMN element of a process version performed in a period, and what waits there now. */
export interface StepFigures {
  elementId: string;
  name: string | null;
  /** Completed in the period (office's local days). */
  completed: number;
  averageDays: number | null;
  /** Nine in ten completed within this many working days (a bucket's upper bound). */
  p90Days: number | null;
  /** Of those completed, the share completed after their due time. */
  overdueShare: number | null;
  waitingNow: number;
  waitingOverdue: number;
  /** The step with the longest p90 (then the most waiting): where dossiers pile up. */
  bottleneck: boolean;
}

/**
 * Step metrics of a process version (the latest by default): per user task, from the step
 * rollup (a few rows a day and bucket), and the tasks open now. In the order of the file.
 */
export async function stepMetrics(
  store: Store,
  input: { key: string; version?: number; from: string; to: string; now: Date },
): Promise<StepFigures[]> {
  const versions = await listDefinitions(store, input.key);
  if (versions.length === 0) throw notFound('Process definition', input.key, { key: input.key });
  const definition =
    input.version === undefined
      ? versions[0]
      : versions.find((candidate) => candidate.version === input.version);
  if (!definition) {
    throw new AppError(
      'NOT_FOUND',
      `Process '${input.key}' has no version ${input.version} (1 to ${versions[0].version})`,
      { key: input.key, field: 'version' },
    );
  }
  const period = { definitionId: definition.id, from: input.from, to: input.to };
  const [done, p90s, waiting] = await Promise.all([
    stepsCompleted(store, period),
    stepsP90(store, period),
    stepsWaiting(store, definition.id, input.now),
  ]);
  const steps = Object.values(definition.model.nodes).filter((node) => node.type === 'userTask');
  const figures = steps.map((node): StepFigures => {
    const row = done.find((r) => r.element_id === node.id);
    const p90 = p90s.find((r) => r.element_id === node.id)?.p90;
    const open = waiting.find((r) => r.element_id === node.id);
    const completed = row?.completed ?? 0;
    return {
      elementId: node.id,
      name: node.name ?? null,
      completed,
      averageDays: completed > 0 ? Number(row!.minutes) / completed / WORKING_DAY_MINUTES : null,
      p90Days: p90 === undefined ? null : p90 / WORKING_DAY_MINUTES,
      overdueShare: completed > 0 ? row!.overdue / completed : null,
      waitingNow: open?.waiting ?? 0,
      waitingOverdue: open?.overdue ?? 0,
      bottleneck: false,
    };
  });
  const worst = [...figures]
    .filter((step) => step.p90Days !== null || step.waitingNow > 0)
    .sort((a, b) => (b.p90Days ?? 0) - (a.p90Days ?? 0) || b.waitingNow - a.waitingNow)[0];
  if (worst) worst.bottleneck = true;
  return figures;
}
