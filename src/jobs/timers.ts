import type { DataSource, EntityManager } from 'typeorm';
import { addDuration } from '../engine/iso-time';
import { firstDue } from '../engine/timer';
import { JobEntity } from '../store/entities';
import { definitionById } from '../store/definitions';
import { createInstance, lockInstance, runCommand } from '../store/instances';
import type { SentMessage } from '../store/apply-effects';
import { deliverMessages } from '../store/messages';
import { inTransaction } from '../store/transaction';
import { claimJobs } from './claim';
import { consumeJob } from '../store/jobs';
import { failTakenJob } from './failure';

export interface TimerRound {
  /** Who holds the timers taken: a runner's id. */
  holder?: string;
  /** How long a taken timer stays reserved for this runner if it dies before firing it. */
  lockSeconds?: number;
  /** Timers taken at a time. */
  batch?: number;
  /** The clock, read again for each batch (a long round must not reserve jobs in the past). */
  clock?: () => Date;
}

/**
 * Fires the timers that are due, oldest first, in batches until none is left: the timers of
 * instances, their async continuations and the timer start events of processes. Each timer is taken (reserved for this
 * runner), then fired in its own transaction that consumes (or moves on) the job with the step
 * it causes: its effect lands once however many runners race, and a runner that dies mid-way
 * leaves its timers to be taken again when their reservation ends. A timer whose step the engine
 * refuses does not hold up the others: it loses a try and waits; the last try opens an incident.
 * Returns how many fired.
 */
export async function fireDueTimers(
  dataSource: DataSource,
  now: Date,
  round: TimerRound = {},
): Promise<number> {
  const holder = round.holder ?? `timers-${process.pid}`;
  const batch = round.batch ?? 50;
  let fired = 0;
  for (;;) {
    const at = round.clock?.() ?? now;
    const taken = await claimJobs(dataSource, {
      kinds: ['timer', 'continue', 'start'],
      holder,
      max: batch,
      lockSeconds: round.lockSeconds ?? 60,
      now: at,
    });
    for (const job of taken) if (await fireTimer(dataSource, job, holder, at)) fired += 1;
    if (taken.length < batch) return fired;
  }
}

async function fireTimer(
  dataSource: DataSource,
  job: JobEntity,
  holder: string,
  now: Date,
): Promise<boolean> {
  try {
    const sent = await inTransaction(dataSource, async (manager) => {
      if (job.instanceId) await lockInstance(manager, job.instanceId);
      const current = await manager.findOne(JobEntity, {
        where: { id: job.id },
        lock: { mode: 'pessimistic_write' },
      });
      // Gone, or taken over by another runner after our reservation ran out.
      if (!current || current.lockedBy !== holder) return undefined;
      return current.kind === 'start'
        ? startInstanceByTimer(manager, current, now)
        : fireInstanceJob(manager, current, now);
    });
    if (sent === undefined) return false;
    await deliverMessages(dataSource, sent, now);
    return true;
  } catch (error) {
    await failTakenJob(dataSource, job, holder, error, now);
    return false;
  }
}

/**
 * An instance's timer or async continuation: the job is consumed and the instance's waiting
 * event fires, or its waiting token goes on into its element.
 */
async function fireInstanceJob(
  manager: EntityManager,
  job: JobEntity,
  now: Date,
): Promise<SentMessage[]> {
  const instance = await lockInstance(manager, job.instanceId ?? '');
  await consumeJob(manager, job, now);
  const { state } = instance;
  const waiting =
    job.kind === 'continue'
      ? state.tokens.some((t) => t.id === job.waitId && t.continuation)
      : state.subscriptions.some((s) => s.id === job.waitId);
  if (instance.status !== 'ACTIVE' || !waiting) return [];
  const command =
    job.kind === 'continue'
      ? { type: 'CONTINUE' as const, waitId: job.waitId }
      : { type: 'FIRE_TIMER' as const, subscriptionId: job.waitId };
  return (await runCommand(manager, instance, command, now)).sent;
}

/**
 * A timer start event: an instance starts there, and a cycle with beats left is set for its next
 * beat after now (beats missed while no runner ran are not made up one by one).
 */
async function startInstanceByTimer(
  manager: EntityManager,
  job: JobEntity,
  now: Date,
): Promise<SentMessage[]> {
  const definition = await definitionById(manager, job.definitionId ?? '');
  const { sent } = await createInstance(manager, definition, {
    variables: {},
    startEventId: job.elementId,
    now,
  });
  const repeat = job.repeat;
  if (!repeat || repeat.remaining === 0) {
    await consumeJob(manager, job, now);
    return sent;
  }
  const beat = repeat.beat ?? job.dueAt.toISOString();
  const next = firstDue(addDuration(beat, repeat.interval), repeat.interval, now.toISOString());
  await manager.update(
    JobEntity,
    { id: job.id },
    {
      dueAt: new Date(next),
      repeat: {
        ...repeat,
        remaining: repeat.remaining === null ? null : repeat.remaining - 1,
        beat: next,
      },
      lockedBy: null,
      lockedUntil: null,
      errorMessage: null,
    },
  );
  return sent;
}
