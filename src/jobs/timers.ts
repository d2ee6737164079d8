import { addDuration } from '../calendar/iso-time';
import { firstDue } from '../engine/timer';
import type { JobEntity } from '../store/entities';
import { definitionById } from '../store/definitions';
import { claimJobs, consumeJob, lockJob, updateJob } from '../store/jobs';
import { withUnitOfWork } from '../store/pipeline/dispatch';
import { heldCall } from '../store/pipeline/held-calls';
import type { UnitOfWork } from '../store/pipeline/unit-of-work';
import type { Store } from '../store/store';
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
 * instances, their async continuations, the timer start events of processes and retried held
 * calls. Each timer is taken (reserved for this
 * runner), then fired in its own transaction that consumes (or moves on) the job with the step
 * it causes: its effect lands once however many runners race, and a runner that dies mid-way
 * leaves its timers to be taken again when their reservation ends. A timer whose step the engine
 * refuses does not hold up the others: it loses a try and waits; the last try opens an incident.
 * Returns how many fired.
 */
export async function fireDueTimers(
  store: Store,
  now: Date,
  round: TimerRound = {},
): Promise<number> {
  const holder = round.holder ?? `timers-${process.pid}`;
  const batch = round.batch ?? 50;
  let fired = 0;
  for (;;) {
    const at = round.clock?.() ?? now;
    const taken = await claimJobs(store, {
      kinds: ['timer', 'continue', 'start', 'call'],
      holder,
      max: batch,
      lockSeconds: round.lockSeconds ?? 60,
      now: at,
    });
    for (const job of taken) if (await fireTimer(store, job, holder, at)) fired += 1;
    if (taken.length < batch) return fired;
  }
}

async function fireTimer(
  store: Store,
  job: JobEntity,
  holder: string,
  now: Date,
): Promise<boolean> {
  try {
    return await withUnitOfWork(store, now, async (unit) => {
      // The instance first, as every step does: the job's row follows in that order.
      if (job.instanceId) await unit.lock(job.instanceId);
      const current = await lockJob(unit.tx, job.id);
      if (!current || current.lockedBy !== holder) return false;
      if (current.kind === 'start') await startInstanceByTimer(unit, current);
      else if (current.kind === 'call') await makeHeldCall(unit, current);
      else await fireInstanceJob(unit, current);
      return true;
    });
  } catch (error) {
    await failTakenJob(store, job, holder, error, now);
    return false;
  }
}

/**
 * An instance's timer or async continuation: the job is consumed and the instance's waiting
 * event fires, or its waiting token goes on into its element.
 */
async function fireInstanceJob(unit: UnitOfWork, job: JobEntity): Promise<void> {
  const locked = await unit.lock(job.instanceId ?? '');
  await consumeJob(unit.tx, job, unit.now);
  const { state, status } = locked.instance;
  const waiting =
    job.kind === 'continue'
      ? state.tokens.some((t) => t.id === job.waitId && t.continuation)
      : state.subscriptions.some((s) => s.id === job.waitId);
  if (status !== 'ACTIVE' || !waiting) return;
  const command =
    job.kind === 'continue'
      ? { type: 'CONTINUE' as const, waitId: job.waitId }
      : { type: 'FIRE_TIMER' as const, subscriptionId: job.waitId };
  await unit.step(locked, command);
}

/**
 * A call held until its process was deployed (src/store/pipeline/held-calls.ts), retried: made
 * now if the call activity still waits. Still missing, it is held again with a new incident.
 */
async function makeHeldCall(unit: UnitOfWork, job: JobEntity): Promise<void> {
  const locked = await unit.lock(job.instanceId ?? '');
  await consumeJob(unit.tx, job, unit.now);
  const call = heldCall(job);
  const waits = locked.instance.state.tokens.some((t) => t.id === job.waitId);
  if (!call || locked.instance.status !== 'ACTIVE' || !waits) return;
  await unit.callChild(locked.instance, call);
}

/**
 * A timer start event: an instance starts there, and a cycle with beats left is set for its next
 * beat after now (beats missed while no runner ran are not made up one by one).
 */
async function startInstanceByTimer(unit: UnitOfWork, job: JobEntity): Promise<void> {
  const { tx, now } = unit;
  const definition = await definitionById(tx, job.definitionId ?? '');
  await unit.start(definition, { variables: {}, startEventId: job.elementId });
  const repeat = job.repeat;
  if (!repeat || repeat.remaining === 0) {
    await consumeJob(tx, job, now);
    return;
  }
  const beat = repeat.beat ?? job.dueAt.toISOString();
  const next = firstDue(addDuration(beat, repeat.interval), repeat.interval, now.toISOString());
  await updateJob(tx, job.id, {
    dueAt: new Date(next),
    repeat: {
      ...repeat,
      remaining: repeat.remaining === null ? null : repeat.remaining - 1,
      beat: next,
    },
    lockedBy: null,
    lockedUntil: null,
    errorMessage: null,
  });
}
