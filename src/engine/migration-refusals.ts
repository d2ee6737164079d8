import type { FlowNode, ProcessModel } from '../bpmn/model';
import { ROOT_SCOPE } from './execution';
import type { InstanceState } from './types';

/**
 * Why a running instance cannot move to another version of its procedure: each names the
 * element of the source version where something waits, and what is wrong with where it would go.
 */
export type RefusalCode =
  /** Something waits at an element the target version does not have, and the plan maps it nowhere. */
  | 'ELEMENT_REMOVED'
  /** The plan maps it to an id the target version does not have. */
  | 'TARGET_NOT_FOUND'
  /** The target element is of another kind (a user task mapped to a service task, ...). */
  | 'KIND_CHANGED'
  /** The target element sits in another sub-process than the source's (mapped) one. */
  | 'SCOPE_CHANGED'
  /** A multi-instance or loop whose shape changed (or appeared, or went): its counters would lie. */
  | 'MULTI_INSTANCE_CHANGED'
  /** A token waits at a join for a sequence flow the target version does not have. */
  | 'FLOW_REMOVED'
  /** A token waits at an element that pauses the clock in one version and not the other. */
  | 'CLOCK_CHANGED'
  /** A token waits at a parallel or inclusive join whose incoming flows differ in the target. */
  | 'JOIN_CHANGED'
  /** A completed activity that could be undone (compensated) is not in the target version. */
  | 'COMPENSATION_REMOVED';

export interface MigrationRefusal {
  code: RefusalCode;
  elementId: string;
  message: string;
}

/** A migration plan: source element id → target element id. Ids not named map to themselves. */
export type ElementMapping = Readonly<Record<string, string>>;

/** Where an element of the source version goes in the target version. */
export function mapped(mapping: ElementMapping, elementId: string): string {
  return Object.hasOwn(mapping, elementId) ? mapping[elementId] : elementId;
}

/**
 * Every reason the instance cannot move, looking at each element something waits at (a token,
 * a sub-process or multi-instance scope) and each flow a join waits for. Empty: it can move.
 */
export function migrationRefusals(
  source: ProcessModel,
  target: ProcessModel,
  mapping: ElementMapping,
  state: InstanceState,
): MigrationRefusal[] {
  const waiting = new Set<string>();
  for (const token of state.tokens) waiting.add(token.elementId);
  for (const scope of state.scopes) if (scope.id !== ROOT_SCOPE) waiting.add(scope.elementId);
  const refusals = [...waiting].flatMap((id) => refusalsAt(source, target, mapping, id));
  refusals.push(...clockRefusals(source, target, mapping, state));
  refusals.push(...joinRefusals(source, target, mapping, state));
  refusals.push(...compensationRefusals(target, mapping, state));
  const flows = new Set(state.tokens.flatMap((t) => (t.arrivedVia ? [t.arrivedVia] : [])));
  for (const flowId of flows) {
    const to = mapped(mapping, flowId);
    if (target.flows[to]) continue;
    refusals.push({
      code: 'FLOW_REMOVED',
      elementId: flowId,
      message: `A token waits at a join for flow '${flowId}', which the target version does not have`,
    });
  }
  return refusals;
}

function refusalsAt(
  source: ProcessModel,
  target: ProcessModel,
  mapping: ElementMapping,
  elementId: string,
): MigrationRefusal[] {
  const refuse = (code: RefusalCode, message: string) => [{ code, elementId, message }];
  const from = source.nodes[elementId];
  const toId = mapped(mapping, elementId);
  const to = target.nodes[toId];
  if (!to) {
    return Object.hasOwn(mapping, elementId)
      ? refuse('TARGET_NOT_FOUND', `'${elementId}' is mapped to '${toId}', not in the target`)
      : refuse('ELEMENT_REMOVED', `'${elementId}' is not in the target version and not mapped`);
  }
  if (!from) return [];
  if (from.type !== to.type) {
    return refuse('KIND_CHANGED', `'${elementId}' is a ${from.type}, '${toId}' a ${to.type}`);
  }
  const parent = from.parentId === undefined ? undefined : mapped(mapping, from.parentId);
  if (parent !== to.parentId) {
    return refuse('SCOPE_CHANGED', `'${toId}' is not in the sub-process '${elementId}' was in`);
  }
  if (!sameShape(from, to)) {
    return refuse('MULTI_INSTANCE_CHANGED', `The multi-instance or loop of '${toId}' changed`);
  }
  return [];
}

/** The same loop characteristics: sequential or parallel, the same collection, condition, ... */
function sameShape(from: FlowNode, to: FlowNode): boolean {
  return JSON.stringify(from.multiInstance ?? null) === JSON.stringify(to.multiInstance ?? null);
}

/**
 * The clock pauses while a token waits at a `tthc:pausesClock` element: moving a token to an
 * element that pauses it when the source did not (or the other way round) would leave the clock
 * paused, or running, against where the dossier waits.
 */
function clockRefusals(
  source: ProcessModel,
  target: ProcessModel,
  mapping: ElementMapping,
  state: InstanceState,
): MigrationRefusal[] {
  const at = new Set(state.tokens.filter((t) => !t.continuation).map((t) => t.elementId));
  return [...at].flatMap((elementId) => {
    const toId = mapped(mapping, elementId);
    const from = source.nodes[elementId]?.pausesClock === true;
    const to = target.nodes[toId];
    if (!to || from === (to.pausesClock === true)) return [];
    return [
      {
        code: 'CLOCK_CHANGED' as const,
        elementId,
        message: `The clock ${from ? 'pauses' : 'runs'} while a token waits at '${elementId}', but ${from ? 'runs' : 'pauses'} at '${toId}' in the target`,
      },
    ];
  });
}

/**
 * A token waiting at a join counts the branches that came against the join's incoming flows:
 * with other flows in the target, the join would wait for a branch that never comes, or go on
 * before one that will.
 */
function joinRefusals(
  source: ProcessModel,
  target: ProcessModel,
  mapping: ElementMapping,
  state: InstanceState,
): MigrationRefusal[] {
  const joins = new Set(state.tokens.filter((t) => t.arrivedVia).map((t) => t.elementId));
  return [...joins].flatMap((elementId) => {
    const from = source.nodes[elementId];
    const to = target.nodes[mapped(mapping, elementId)];
    if (!from || !to) return [];
    const incoming = from.incoming.map((id) => mapped(mapping, id)).sort();
    if (JSON.stringify(incoming) === JSON.stringify([...to.incoming].sort())) return [];
    return [
      {
        code: 'JOIN_CHANGED' as const,
        elementId,
        message: `Tokens wait at the join '${elementId}', whose incoming flows differ in the target`,
      },
    ];
  });
}

/** What the instance could still undo must still be there to undo it. */
function compensationRefusals(
  target: ProcessModel,
  mapping: ElementMapping,
  state: InstanceState,
): MigrationRefusal[] {
  return [...new Set(state.compensable ?? [])].flatMap((elementId) =>
    target.nodes[mapped(mapping, elementId)]
      ? []
      : [
          {
            code: 'COMPENSATION_REMOVED' as const,
            elementId,
            message: `'${elementId}' was completed and can be undone, but the target version does not have it`,
          },
        ],
  );
}
