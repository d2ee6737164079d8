import type { EntityManager } from 'typeorm';
import { preparedQuery } from './prepared';
import { timeliness } from '../calendar/timeliness';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { Command } from '../engine/types';
import type { DossierOutcome, ProcessInstanceEntity } from './entities';

/**
 * After each step of a dossier's process, its national status follows: received (2) becomes in
 * progress (4) when the first step is done; the process completing makes it processed (9), and
 * ending otherwise stopped (8). Statuses the office set (supplement, refusal, withdrawal,
 * returned) are left to the dossier's own actions. A completed dossier is judged then, once.
 */
export async function followDossier(
  manager: EntityManager,
  instance: ProcessInstanceEntity,
  command: Command,
  now: Date,
  calendar: WorkingCalendar,
): Promise<void> {
  if (instance.businessKey === null || instance.parentInstanceId !== null) return;
  const judged =
    instance.status === 'COMPLETED' ? await judge(manager, instance, now, calendar) : undefined;
  await preparedQuery(
    manager,
    `UPDATE dossier
        SET status_code = CASE
              WHEN $2 = 'COMPLETED' THEN 9
              WHEN $2 = 'TERMINATED' THEN 8
              WHEN status_code = 2 AND $3 THEN 4
              ELSE status_code END,
            finished_at = CASE WHEN $2 <> 'ACTIVE' THEN COALESCE(finished_at, $4) ELSE finished_at END,
            outcome = COALESCE(outcome, $5),
            processing_minutes = COALESCE(processing_minutes, $6),
            appointment_at = $7, clock_paused = $8, overdue = $9
      WHERE instance_id = $1 AND status_code IN (2, 4, 5, 6)`,
    [
      instance.id,
      instance.status,
      command.type === 'COMPLETE_TASK',
      now,
      judged?.outcome ?? null,
      judged?.processingMinutes ?? null,
      instance.dueAt,
      instance.clockPausedAt !== null,
      instance.overdue,
    ],
  );
}

/**
 * How a dossier finishing now kept its appointment (the appointment already moved by the time
 * the clock was paused): late after it, or when the citizen was asked for papers more than once,
 * or a new date was given (Form 04); early on an earlier day. And the working time it took from
 * when counting started, the paused time removed.
 */
async function judge(
  manager: EntityManager,
  instance: ProcessInstanceEntity,
  now: Date,
  calendar: WorkingCalendar,
): Promise<{ outcome: DossierOutcome; processingMinutes: number } | undefined> {
  const [dossier] = (await manager.query(
    'SELECT received_at, late_marked FROM dossier WHERE instance_id = $1',
    [instance.id],
  )) as { received_at: Date; late_marked: boolean }[];
  if (!dossier) return undefined;
  const outcome = dossier.late_marked ? 'LATE' : timeliness(now, instance.dueAt, calendar);
  const counted = calendar.workingTimeBetween(
    calendar.countingStart(dossier.received_at.toISOString()),
    now.toISOString(),
  );
  const paused = instance.state.clock?.pausedMinutes ?? 0;
  return { outcome, processingMinutes: Math.max(0, counted - paused) };
}
