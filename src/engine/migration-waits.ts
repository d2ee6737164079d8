import type { ProcessModel } from '../bpmn/model';
import { type ElementMapping, mapped } from './migration-refusals';
import type { Effect, InstanceState, Subscription } from './types';

/**
 * Which of the waits a migration opened from the target may stay. A wait the instance held
 * before stays (a timer whose definition did not change keeps its due time and the repetitions
 * it has left; a condition that held still holds). A wait it did not hold stays only when the
 * target adds its element (a new boundary event or event sub-process): one the source has but
 * the instance no longer held had fired (a one-off timer that did not interrupt) or was closed
 * (the event sub-processes of a scope an interrupting one runs in), and must not come back.
 */

/** The model's waits before the move, by target element and holder; deadlines are not. */
export function waitsBefore(
  state: InstanceState,
  mapping: ElementMapping,
): Map<string, Subscription> {
  const before = new Map<string, Subscription>();
  for (const s of state.subscriptions) {
    if (s.kind === 'timer' && s.deadline) continue;
    before.set(waitKey(s, mapped(mapping, s.elementId)), s);
  }
  return before;
}

function waitKey(s: Subscription, elementId: string): string {
  return `${s.kind}|${elementId}|${s.tokenId ?? ''}|${s.scopeId ?? ''}`;
}

export interface ReopenedWaits {
  source: ProcessModel;
  target: ProcessModel;
  mapping: ElementMapping;
  before: ReadonlyMap<string, Subscription>;
}

/** Keeps the reopened waits that may stay (changed as they were before); returns the effects. */
export function keepWaitsThatWere(
  waits: ReopenedWaits,
  state: InstanceState,
  effects: readonly Effect[],
): Effect[] {
  const images = new Set(Object.keys(waits.source.nodes).map((id) => mapped(waits.mapping, id)));
  const dropped = new Set<number>();
  for (const s of state.subscriptions) {
    if (s.kind === 'timer' && s.deadline) continue;
    const old = waits.before.get(waitKey(s, s.elementId));
    if (old) restore(waits, old, s);
    else if (images.has(s.elementId)) dropped.add(s.id);
  }
  state.subscriptions = state.subscriptions.filter((s) => !dropped.has(s.id));
  const byId = new Map(state.subscriptions.map((s) => [s.id, s]));
  return effects.flatMap((effect): Effect[] => {
    if (effect.type === 'SCHEDULE_TIMER') {
      if (dropped.has(effect.timer.id)) return [];
      const timer = byId.get(effect.timer.id);
      return [timer?.kind === 'timer' ? { ...effect, timer: structuredClone(timer) } : effect];
    }
    if (effect.type === 'OPEN_SUBSCRIPTION' && dropped.has(effect.subscription.id)) return [];
    return [effect];
  });
}

function restore(waits: ReopenedWaits, old: Subscription, s: Subscription): void {
  if (old.kind === 'conditional' && s.kind === 'conditional' && old.holds) s.holds = true;
  if (old.kind !== 'timer' || s.kind !== 'timer') return;
  const from = waits.source.nodes[old.elementId]?.event;
  const to = waits.target.nodes[s.elementId]?.event;
  if (JSON.stringify(from ?? null) !== JSON.stringify(to ?? null)) return;
  s.dueAt = old.dueAt;
  if (old.repeat) s.repeat = { ...old.repeat };
  else delete s.repeat;
}
