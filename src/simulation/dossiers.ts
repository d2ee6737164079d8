import type { ProcessModel } from '../bpmn/model';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { AppError } from '../errors';
import { catchOwnSignals } from '../engine/simulate';
import { step } from '../engine/step';
import type {
  Command,
  Effect,
  InstanceState,
  MessageSubscription,
  Variables,
} from '../engine/types';

/** A simulated dossier: its instance, and when it came, is due and got its result. */
export interface SimulatedDossier {
  id: number;
  arrivedAt: number;
  state?: InstanceState;
  dueAt?: number;
  doneAt?: number;
  /** The engine refused a command, or it ran away (see advance): it stays where it stands. */
  failed?: true;
  /** Sent back for papers more than once (its clock paused twice): late by rule. */
  lateMarked?: boolean;
}

/** What the run does with the effects the office's officers would see. */
export interface World {
  task(dossier: SimulatedDossier, effect: Extract<Effect, { type: 'CREATE_TASK' }>): void;
  cancelTask(dossier: SimulatedDossier, waitId: number): void;
  timer(dossier: SimulatedDossier, dueAt: number, subscriptionId: number): void;
  /** Fresh gateway draws of the dossier's own, given with every command. */
  branches(dossier: SimulatedDossier): Variables;
}

/** Commands a dossier's single advance may chain at most: past it, the dossier has failed. */
export const MAX_FOLLOW_UPS = 200;

/**
 * Steps a dossier with a command at a time, then at once what no officer does: a service task's
 * job, an async continuation, a message awaited on the way (the citizen or another agency
 * answers at once, see answeredAtOnce), a called process (done at once), a signal the process
 * throws to itself (as the store would deliver it, see catchOwnSignals). A timer or a message
 * whose wait is gone is dropped, as the office would drop it; any other command the engine
 * refuses, signals thrown in an endless loop, or more than MAX_FOLLOW_UPS chained commands mark
 * the dossier failed, where it stands.
 */
export function advance(
  model: ProcessModel,
  calendar: WorkingCalendar,
  world: World,
  dossier: SimulatedDossier,
  first: Command,
  now: number,
): void {
  const at = new Date(now).toISOString();
  const pending: Command[] = [first];
  /** Event-based gateways' tokens already answered: one message of each, the first. */
  const answered = new Set<number>();
  for (let rounds = 0; pending.length > 0; rounds++) {
    if (dossier.failed || (dossier.state && dossier.state.status !== 'ACTIVE')) return;
    if (rounds >= MAX_FOLLOW_UPS) return void (dossier.failed = true);
    const command = pending.shift() as Command;
    if (staleWait(dossier.state, command)) continue;
    let result;
    try {
      result = step(model, dossier.state, command, at, calendar);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return void (dossier.failed = true);
    }
    const caught = catchOwnSignals(model, result.state, result.effects, at, calendar);
    dossier.state = caught.state;
    if (caught.undelivered) dossier.failed = true;
    for (const effect of [...result.effects, ...caught.effects])
      pending.push(
        ...followUp(world, dossier, effect, (sub) => answer(model, dossier, sub, answered)),
      );
    note(dossier, now);
  }
}

/**
 * A timer or message whose wait went away (the step it bounded was done, another event of its
 * gateway came first): the engine would refuse it.
 */
function staleWait(state: InstanceState | undefined, command: Command): boolean {
  return (
    (command.type === 'FIRE_TIMER' || command.type === 'CORRELATE_MESSAGE') &&
    !(state?.subscriptions ?? []).some((s) => s.id === command.subscriptionId)
  );
}

/**
 * Whether a message wait is answered at once: that of an intermediate catch event or a receive
 * task on the dossier's way, and at an event-based gateway only the first of its waits. A message
 * at a boundary event or an event sub-process's start (a citizen withdrawing, say) never comes,
 * as signals from outside never do: the run plays dossiers as they go, not as they are dropped.
 */
function answer(
  model: ProcessModel,
  dossier: SimulatedDossier,
  subscription: MessageSubscription,
  answered: Set<number>,
): boolean {
  if (subscription.scopeId !== undefined || subscription.tokenId === undefined) return false;
  const type = model.nodes[subscription.elementId]?.type;
  if (type !== 'intermediateCatchEvent' && type !== 'receiveTask') return false;
  const token = dossier.state?.tokens.find((t) => t.id === subscription.tokenId);
  if (!token || model.nodes[token.elementId]?.type !== 'eventBasedGateway') return true;
  if (answered.has(token.id)) return false;
  answered.add(token.id);
  return true;
}

function followUp(
  world: World,
  dossier: SimulatedDossier,
  effect: Effect,
  answers: (subscription: MessageSubscription) => boolean,
): Command[] {
  switch (effect.type) {
    case 'CREATE_TASK':
      world.task(dossier, effect);
      return [];
    case 'CANCEL_TASK':
      world.cancelTask(dossier, effect.waitId);
      return [];
    case 'SCHEDULE_TIMER':
      world.timer(dossier, Date.parse(effect.timer.dueAt), effect.timer.id);
      return [];
    case 'CREATE_JOB':
      return [{ type: 'COMPLETE_JOB', waitId: effect.waitId, variables: world.branches(dossier) }];
    case 'CONTINUE_LATER':
      return [{ type: 'CONTINUE', waitId: effect.waitId }];
    case 'OPEN_SUBSCRIPTION':
      return effect.subscription.kind === 'message' && answers(effect.subscription)
        ? [
            {
              type: 'CORRELATE_MESSAGE',
              subscriptionId: effect.subscription.id,
              variables: world.branches(dossier),
            },
          ]
        : [];
    case 'START_CHILD':
      return [
        { type: 'CHILD_COMPLETED', waitId: effect.waitId, variables: world.branches(dossier) },
      ];
    default:
      return [];
  }
}

/** The appointment, and the result: when it reached the desk, or the instance ended. */
function note(dossier: SimulatedDossier, now: number): void {
  const state = dossier.state;
  if (!state) return;
  // The appointment moves while the clock is stopped (papers asked for): the latest one counts.
  if (state.deadline) dossier.dueAt = Date.parse(state.deadline.dueAt);
  if ((state.clock?.pauses ?? 0) > 1) dossier.lateMarked = true;
  if (dossier.doneAt !== undefined) return;
  if (state.resultReadyAt) dossier.doneAt = Date.parse(state.resultReadyAt);
  else if (state.status === 'COMPLETED') dossier.doneAt = now;
}
