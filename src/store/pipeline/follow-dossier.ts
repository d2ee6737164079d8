import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../prepared';
import { dossierOutcome } from '../../calendar/timeliness';
import { moveOf } from '../../dossier/life-cycle/machine';
import type { WorkingCalendar } from '../../calendar/working-calendar';
import type { Command } from '../../engine/types';
import type { DossierOutcome, ProcessInstanceEntity } from '../entities';

/**
 * The process's moves of a dossier, from the dossier's machine (pure: the table, no IO). Its
 * statuses from which a result can come are those the process still follows.
 */
const RESULT = moveOf('RESULT_READY');
const ENDED = moveOf('PROCESS_ENDED');
const STEP = moveOf('STEP_DONE');

/**
 * After each step of a dossier's process, its national status follows: received (2) becomes in
 * progress (4) when the first step is done; the result reaching the one-stop desk (a
 * `tthc:resultReady` element, else the process completing) makes it processed (9) and judges it,
 * once; the process ending otherwise makes it stopped (8). Statuses the office set (supplement,
 * refusal, withdrawal, returned) are left to the dossier's own actions.
 */
export async function followDossier(
  manager: EntityManager,
  instance: ProcessInstanceEntity,
  command: Command,
  now: Date,
  calendar: WorkingCalendar,
): Promise<void> {
  if (instance.businessKey === null || instance.parentInstanceId !== null) return;
  const readyAt = resultReadyAt(instance, now);
  const judged = readyAt ? await judge(manager, instance, readyAt, calendar) : undefined;
  const update = (where: string, parameters: unknown[]) =>
    preparedQuery(
      manager,
      `UPDATE dossier
        SET status_code = CASE
              WHEN $10::timestamptz IS NOT NULL THEN ${RESULT.to}
              WHEN $2 = 'TERMINATED' THEN ${ENDED.to}
              WHEN status_code IN (${STEP.from.join(', ')}) AND $3 THEN ${STEP.to}
              ELSE status_code END,
            finished_at = CASE
              WHEN $10::timestamptz IS NOT NULL THEN COALESCE(finished_at, $10)
              WHEN $2 <> 'ACTIVE' THEN COALESCE(finished_at, $4)
              ELSE finished_at END,
            outcome = COALESCE(outcome, $5),
            processing_minutes = COALESCE(processing_minutes, $6),
            appointment_at = $7, clock_paused = $8, overdue = $9
      WHERE instance_id = $1 AND status_code IN (${RESULT.from.join(', ')}) ${where}
      RETURNING 1`,
      parameters,
    );
  const parameters = [
    instance.id,
    instance.status,
    command.type === 'COMPLETE_TASK',
    now,
    judged?.outcome ?? null,
    judged?.processingMinutes ?? null,
    instance.dueAt,
    instance.clockPausedAt !== null,
    instance.overdue,
    readyAt ?? null,
  ];
  // Its month's partition alone: a dossier is received as its instance starts, so its day is the
  // instance's. Else (a row moved by hand, say) every partition: correct, only slower.
  const day = [...parameters, instance.startedAt];
  if ((await update(`AND ${sameDay('$11')}`, day)).length > 0) return;
  const [found] = await preparedQuery(
    manager,
    `SELECT 1 FROM dossier WHERE instance_id = $1 AND ${sameDay('$2')}`,
    [instance.id, instance.startedAt],
  );
  if (!found) await update('', parameters);
}

/** The dossier's day of reception is the office's day of its instance's start (`parameter`). */
const sameDay = (parameter: string) =>
  `received_day = (${parameter}::timestamptz AT TIME ZONE office_time_zone())::date`;

/** When the result reached the desk: as the process marked it, or when it completed without. */
function resultReadyAt(instance: ProcessInstanceEntity, now: Date): Date | undefined {
  const marked = instance.state.resultReadyAt;
  if (marked) return new Date(marked);
  return instance.status === 'COMPLETED' ? now : undefined;
}

/**
 * How a dossier whose result is ready kept its appointment (see dossierOutcome), and the working
 * time it took from when counting started, the paused time removed.
 */
async function judge(
  manager: EntityManager,
  instance: ProcessInstanceEntity,
  readyAt: Date,
  calendar: WorkingCalendar,
): Promise<{ outcome: DossierOutcome; processingMinutes: number } | undefined> {
  const dossier = await judgedDossier(manager, instance);
  // Judged once: a step after the result was ready changes nothing of it.
  if (!dossier || dossier.outcome !== null) return undefined;
  const outcome = dossierOutcome(readyAt, instance.dueAt, dossier.late_marked, calendar);
  const counted = calendar.workingTimeBetween(
    calendar.countingStart(dossier.received_at.toISOString()),
    readyAt.toISOString(),
  );
  const paused = instance.state.clock?.pausedMinutes ?? 0;
  return { outcome, processingMinutes: Math.max(0, counted - paused) };
}

/** What judging reads of the instance's dossier: in its day's partition, else in every one. */
async function judgedDossier(manager: EntityManager, instance: ProcessInstanceEntity) {
  const read = (where: string, parameters: unknown[]) =>
    preparedQuery<{ received_at: Date; late_marked: boolean; outcome: DossierOutcome | null }>(
      manager,
      `SELECT received_at, late_marked, outcome FROM dossier WHERE instance_id = $1 ${where}`,
      parameters,
    );
  const [inItsDay] = await read(`AND ${sameDay('$2')}`, [instance.id, instance.startedAt]);
  return inItsDay ?? (await read('', [instance.id]))[0];
}
