import type { FlowNode, ProcessModel } from '../bpmn/model';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { restartStepDeadline } from './deadlines';
import { type Execution, ROOT_SCOPE } from './execution';
import {
  type ElementMapping,
  type MigrationRefusal,
  mapped,
  migrationRefusals,
} from './migration-refusals';
import { keepWaitsThatWere, possibleWaits, waitsBefore } from './migration-waits';
import { executionFor } from './step';
import {
  closeSubscription,
  subscribe,
  subscribeBoundaries,
  subscribeEventSubProcesses,
} from './subscriptions';
import type { Effect, InstanceState, Instant, Subscription, Token } from './types';

/**
 * Migrating a running instance to another version of its procedure (chuyển phiên bản), planned
 * without touching anything: the tokens and scopes keep their ids and variables and are
 * re-pointed to the target's elements; every wait that depends on the model (boundary events,
 * catch events, event sub-process starts, step deadlines) is withdrawn and opened again from the
 * target, counted from when its step began, but only the waits the instance held before (and
 * those of boundary events and event sub-processes the target adds): see migration-waits.ts.
 * The appointment and the clock are the dossier's and stay as they are.
 */

/** A waiting user task as the target version describes it: the store re-points its row. */
export interface MigratedTask {
  waitId: number;
  elementId: string;
  name: string | null;
  /** The target's groups; absent when they come from an expression (the row keeps its own). */
  candidateGroups?: string[];
  formKey: string | null;
  signature: boolean;
  dueAt: Instant | null;
  overdue: boolean;
}

/**
 * A token's job (a service task's, or an async continuation's) as the target describes it: the
 * store re-points its row, and its open incident's, to the target's element and job type.
 */
export interface MigratedJob {
  waitId: number;
  elementId: string;
  /** The target's job type; null for a continuation. */
  jobType: string | null;
}

export interface MigrationInput {
  source: ProcessModel;
  target: ProcessModel;
  mapping: ElementMapping;
  state: InstanceState;
  now: Instant;
  calendar: WorkingCalendar;
  /** When each waiting token's step began (its task's creation, or its element's entry), by token id; else now. */
  enteredAt?: Readonly<Record<number, Instant>>;
  actor?: string;
  /** Written in the history event: from which version to which. */
  reason: string;
}

export type MigrationOutcome =
  | {
      migrated: true;
      state: InstanceState;
      effects: Effect[];
      tasks: MigratedTask[];
      jobs: MigratedJob[];
    }
  | { migrated: false; refusals: MigrationRefusal[] };

export function planMigration(input: MigrationInput): MigrationOutcome {
  const { source, target, mapping, calendar } = input;
  const refusals = migrationRefusals(source, target, mapping, input.state);
  if (refusals.length > 0) return { migrated: false, refusals };
  const state = structuredClone(input.state);
  const main = executionFor(target, state, input.now, calendar);
  const before = waitsBefore(state, mapping);
  const possible = possibleWaits(source, mapping, state);
  withdrawWaits(main);
  const was = new Map(state.tokens.map((t) => [t.id, source.nodes[t.elementId]]));
  repoint(state, mapping);
  main.history('INSTANCE_MIGRATED', target.key, 'process', {
    actor: input.actor,
    reason: input.reason,
  });
  const opened: Effect[] = [];
  const tasks: MigratedTask[] = [];
  for (const token of state.tokens) {
    if (token.continuation || token.compensating) continue;
    const since = input.enteredAt?.[token.id] ?? token.deadline?.since ?? input.now;
    token.migratedEntry = { elementId: token.elementId, since };
    // Timers of the step count from when it began, as they did in the source version.
    const entered = executionFor(target, state, since, calendar);
    openWaits(entered, token);
    opened.push(...entered.effects);
    const task = taskOf(main, token, since, was.get(token.id));
    if (task) tasks.push(task);
  }
  for (const scope of state.scopes) {
    if (scope.multiInstance !== 'body' && !interrupted(main, scope.id)) {
      subscribeEventSubProcesses(main, scope.id);
    }
  }
  const effects = keepWaitsThatWere({ source, target, mapping, before, possible }, state, [
    ...main.effects,
    ...opened,
  ]);
  return { migrated: true, state, effects, tasks, jobs: jobsOf(target, state) };
}

/** The jobs the tokens wait for, by the target's elements. */
function jobsOf(target: ProcessModel, state: InstanceState): MigratedJob[] {
  return state.tokens.map((token) => ({
    waitId: token.id,
    elementId: token.elementId,
    jobType: token.continuation ? null : (target.nodes[token.elementId]?.jobType ?? null),
  }));
}

/** A scope an interrupting event sub-process runs in: its event sub-processes listen no more. */
function interrupted(execution: Execution, scopeId: number): boolean {
  return execution.state.scopes.some((child) => {
    if (child.parentId !== scopeId) return false;
    const node = execution.model.nodes[child.elementId];
    if (!node?.triggeredByEvent) return false;
    return execution.model.nodes[node.startIds?.[0] ?? '']?.cancelActivity !== false;
  });
}

/**
 * Every wait the source model opened goes, but the appointment's timers: the appointment is the
 * dossier's, promised to the citizen, not a step's, so a new version does not move it.
 */
function withdrawWaits(execution: Execution): void {
  const appointment = (s: Subscription) =>
    s.kind === 'timer' && s.deadline === true && s.tokenId === undefined;
  for (const subscription of execution.state.subscriptions.filter((s) => !appointment(s))) {
    closeSubscription(execution, subscription);
  }
}

function repoint(state: InstanceState, mapping: ElementMapping): void {
  for (const token of state.tokens) {
    token.elementId = mapped(mapping, token.elementId);
    if (token.arrivedVia) token.arrivedVia = mapped(mapping, token.arrivedVia);
  }
  for (const scope of state.scopes) {
    if (scope.id !== ROOT_SCOPE) scope.elementId = mapped(mapping, scope.elementId);
  }
  // Every one is in the target (else COMPENSATION_REMOVED).
  if (state.compensable) state.compensable = state.compensable.map((id) => mapped(mapping, id));
}

/** The waits a token opens where it stands, as arriving there would: its own and its boundaries'. */
function openWaits(execution: Execution, token: Token): void {
  const node = execution.node(token.elementId);
  if (token.arrivedVia) return;
  if (node.type === 'intermediateCatchEvent' || node.type === 'receiveTask') {
    subscribe(execution, node, { token });
  }
  if (node.type === 'eventBasedGateway') {
    for (const flowId of node.outgoing) {
      subscribe(execution, execution.node(execution.model.flows[flowId].targetRef), { token });
    }
  }
  subscribeBoundaries(execution, node, token);
}

function taskOf(
  execution: Execution,
  token: Token,
  since: Instant,
  was: FlowNode | undefined,
): MigratedTask | undefined {
  const node = execution.node(token.elementId);
  if (node.type !== 'userTask' || isMultiInstanceBody(execution, token)) return undefined;
  const deadline = restartStepDeadline(execution, { node, was }, token, since);
  return {
    waitId: token.id,
    elementId: node.id,
    name: node.name ?? null,
    ...(!node.assignmentExpressions?.candidateGroups && {
      candidateGroups: node.candidateGroups ?? [],
    }),
    formKey: node.formKey ?? null,
    signature: node.signature === true,
    dueAt: deadline?.dueAt ?? null,
    overdue: deadline?.overdue === true,
  };
}

/** The token of a multi-instance activity as a whole: its instances hold the tasks, not it. */
function isMultiInstanceBody(execution: Execution, token: Token): boolean {
  const scope = execution.scope(token.scopeId);
  const item = scope.multiInstance === 'item' && scope.elementId === token.elementId;
  return execution.node(token.elementId).multiInstance !== undefined && !item;
}
