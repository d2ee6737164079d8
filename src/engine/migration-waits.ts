import type { ProcessModel } from '../bpmn/model';
import { ROOT_SCOPE } from './execution';
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

/**
 * Where each holder could have waited in the source version (by target element): a token at its
 * element, its boundary events and, at an event-based gateway, the events after it; a scope at
 * the starts of its event sub-processes. A wait opened elsewhere is one the target adds.
 */
export function possibleWaits(
  source: ProcessModel,
  mapping: ElementMapping,
  state: InstanceState,
): Set<string> {
  const possible = new Set<string>();
  for (const token of state.tokens) {
    const node = source.nodes[token.elementId];
    if (!node) continue;
    const after =
      node.type === 'eventBasedGateway'
        ? node.outgoing.map((flowId) => source.flows[flowId].targetRef)
        : [];
    for (const id of [node.id, ...(node.boundaryEvents ?? []), ...after]) {
      possible.add(holderKey({ tokenId: token.id }, mapped(mapping, id)));
    }
  }
  for (const scope of state.scopes) {
    const element = scope.id === ROOT_SCOPE ? undefined : source.nodes[scope.elementId];
    const subProcesses = element ? (element.eventSubProcesses ?? []) : source.eventSubProcesses;
    for (const id of subProcesses) {
      const start = source.nodes[id]?.startIds?.[0];
      if (start) possible.add(holderKey({ scopeId: scope.id }, mapped(mapping, start)));
    }
  }
  return possible;
}

function holderKey(s: { tokenId?: number; scopeId?: number }, elementId: string): string {
  return `${elementId}|${s.tokenId ?? ''}|${s.scopeId ?? ''}`;
}

function waitKey(s: Subscription, elementId: string): string {
  return `${s.kind}|${holderKey(s, elementId)}`;
}

export interface ReopenedWaits {
  source: ProcessModel;
  target: ProcessModel;
  mapping: ElementMapping;
  before: ReadonlyMap<string, Subscription>;
  possible: ReadonlySet<string>;
}

/** Keeps the reopened waits that may stay (changed as they were before); returns the effects. */
export function keepWaitsThatWere(
  waits: ReopenedWaits,
  state: InstanceState,
  effects: readonly Effect[],
): Effect[] {
  const dropped = new Set<number>();
  for (const s of state.subscriptions) {
    if (s.kind === 'timer' && s.deadline) continue;
    const old = waits.before.get(waitKey(s, s.elementId));
    if (old) restore(waits, old, s);
    else if (waits.possible.has(holderKey(s, s.elementId))) dropped.add(s.id);
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
