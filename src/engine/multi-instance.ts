import type { FlowNode } from '../bpmn/model';
import { AppError } from '../errors';
import { cancelScope } from './cancel';
import { evaluateFeel } from './feel';
import type { ArriveBehaviour, Execution, SettleRule } from './execution';
import { subscribeBoundaries } from './subscriptions';
import type { JsonValue, Scope } from './types';

/**
 * A multi-instance activity: its token waits in the parent scope (boundary events attach to it)
 * while a body scope runs one item scope per item, all at once or one after another. The body
 * counts in `nrOfInstances`, `nrOfActiveInstances` and `nrOfCompletedInstances`.
 */
export const arriveAtMultiInstance: ArriveBehaviour = (execution, node, { scopeId }) => {
  const spec = node.multiInstance;
  if (!spec) throw new Error(`'${node.id}' is not multi-instance`);
  execution.history('ELEMENT_ACTIVATED', node.id, node.type);
  const items = itemsOf(execution, node, scopeId);
  const token = execution.addToken(node.id, scopeId);
  const body: Scope = {
    id: execution.newId(),
    elementId: node.id,
    parentId: scopeId,
    tokenId: token.id,
    multiInstance: 'body',
    variables: { nrOfInstances: items.length, nrOfActiveInstances: 0, nrOfCompletedInstances: 0 },
    pending: items.map((item, index) => ({ item, index })),
    outputs: items.map(() => null),
  };
  execution.state.scopes.push(body);
  subscribeBoundaries(execution, node, token);
  const first = spec.sequential ? 1 : items.length;
  for (let n = 0; n < first; n++) startNext(execution, node, body);
};

function itemsOf(execution: Execution, node: FlowNode, scopeId: number): JsonValue[] {
  const spec = node.multiInstance!;
  const variables = execution.visibleVariables(scopeId);
  // A standard loop knows only its first pass; each pass decides the next (see goesRound).
  if (spec.loop) return !spec.loop.testBefore || loopHolds(node, variables) ? [null] : [];
  if (spec.collection) {
    const value = evaluateFeel(spec.collection, variables, node.id);
    if (!Array.isArray(value)) {
      throw new AppError(
        'EXPRESSION_FAILED',
        `The collection '${spec.collection}' of '${node.id}' gave ${JSON.stringify(value)}, not a list`,
        {
          elementId: node.id,
          expression: spec.collection,
        },
      );
    }
    return structuredClone(value) as JsonValue[];
  }
  const count = evaluateFeel(spec.cardinality ?? '0', variables, node.id);
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
    throw new AppError(
      'EXPRESSION_FAILED',
      `The cardinality '${spec.cardinality}' of '${node.id}' gave ${JSON.stringify(count)}, not a count`,
      {
        elementId: node.id,
        expression: spec.cardinality,
      },
    );
  }
  return Array.from({ length: count }, (_, index) => index);
}

function startNext(execution: Execution, node: FlowNode, body: Scope): void {
  const next = body.pending?.shift();
  if (!next) return;
  const spec = node.multiInstance!;
  const variables: Scope['variables'] = { loopCounter: next.index + 1 };
  if (spec.elementVariable) variables[spec.elementVariable] = next.item;
  // A plain name as output element lives in each instance, so instances do not overwrite it.
  if (spec.outputElement && /^[A-Za-z_]\w*$/.test(spec.outputElement))
    variables[spec.outputElement] ??= null;
  const item: Scope = {
    id: execution.newId(),
    elementId: node.id,
    parentId: body.id,
    multiInstance: 'item',
    index: next.index,
    variables,
  };
  execution.state.scopes.push(item);
  body.variables.nrOfActiveInstances = Number(body.variables.nrOfActiveInstances) + 1;
  execution.arrive(node.id, { scopeId: item.id, item: true });
}

/**
 * An instance that has finished gives back its output and is counted; then the completion
 * condition may end the others early, and a sequential body starts its next item. The body
 * itself completes like any scope once nothing runs in it (see settle.ts).
 */
export const completeMultiInstanceItems: SettleRule = (execution) => {
  const { state } = execution;
  const done = state.scopes.filter(
    (scope) =>
      scope.multiInstance === 'item' &&
      !state.tokens.some((token) => token.scopeId === scope.id) &&
      !state.scopes.some((inner) => inner.parentId === scope.id),
  );
  for (const item of done) {
    // The completion condition may have ended this one already, with its siblings.
    if (!state.scopes.some((scope) => scope.id === item.id)) continue;
    const body = execution.scope(item.parentId ?? 0);
    const node = execution.node(item.elementId);
    const spec = node.multiInstance!;
    if (spec.outputElement && body.outputs) {
      body.outputs[item.index ?? 0] = structuredClone(
        evaluateFeel(spec.outputElement, execution.visibleVariables(item.id), node.id),
      ) as JsonValue;
    }
    state.scopes = state.scopes.filter((scope) => scope.id !== item.id);
    body.variables.nrOfActiveInstances = Number(body.variables.nrOfActiveInstances) - 1;
    body.variables.nrOfCompletedInstances = Number(body.variables.nrOfCompletedInstances) + 1;
    if (spec.loop) {
      if (goesRound(execution, node, body)) startNext(execution, node, body);
    } else if (spec.completionCondition && completionHolds(execution, node, body)) {
      body.pending = [];
      for (const other of state.scopes.filter((scope) => scope.parentId === body.id)) {
        cancelScope(execution, other.id, { removeScope: true });
      }
      body.variables.nrOfActiveInstances = 0;
    } else if (spec.sequential) {
      startNext(execution, node, body);
    }
  }
  return done.length > 0;
};

function completionHolds(execution: Execution, node: FlowNode, body: Scope): boolean {
  const condition = node.multiInstance!.completionCondition!;
  const value = evaluateFeel(condition, execution.visibleVariables(body.id), node.id);
  if (value !== true && value !== false) {
    throw new AppError(
      'CONDITION_FAILED',
      `The completion condition '${condition}' of '${node.id}' gave ${JSON.stringify(value)}, not true or false`,
      {
        elementId: node.id,
      },
    );
  }
  return value;
}

/** After a pass of a standard loop: another, while the condition holds and the maximum allows. */
function goesRound(execution: Execution, node: FlowNode, body: Scope): boolean {
  const loop = node.multiInstance!.loop!;
  const passes = Number(body.variables.nrOfCompletedInstances);
  if (loop.maximum !== undefined && passes >= loop.maximum) return false;
  const variables = { ...execution.visibleVariables(body.id), loopCounter: passes };
  if (!loopHolds(node, variables)) return false;
  body.pending = [{ item: null, index: passes }];
  body.variables.nrOfInstances = passes + 1;
  return true;
}

function loopHolds(node: FlowNode, variables: Scope['variables']): boolean {
  const condition = node.multiInstance!.loop!.condition;
  if (condition === undefined) return true;
  const value = evaluateFeel(condition, variables, node.id);
  if (value === true || value === false) return value;
  throw new AppError(
    'CONDITION_FAILED',
    `The loop condition '${condition}' of '${node.id}' gave ${JSON.stringify(value)}, not true or false`,
    { elementId: node.id },
  );
}
