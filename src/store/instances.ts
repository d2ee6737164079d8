import { randomUUID } from 'node:crypto';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { processVariables } from '../engine/state';
import { step } from '../engine/step';
import type { Command, InstanceState, Variables } from '../engine/types';
import { AppError, notFound } from '../errors';
import {
  applyEffects,
  type EffectOutcome,
  type KnownTask,
  type SentMessage,
} from './apply-effects';
import { instancesByIds } from './by-ids';
import { CALENDAR_KEY, officeCalendar } from './calendars';
import { preparedQuery } from './prepared';
import { entityFromRow } from './rows';
import { checkResidenceCommune } from './agency-of-kind';
import { definitionById } from './definitions';
import { followDossier } from './dossier-progress';
import { ProcessDefinitionEntity, ProcessInstanceEntity } from './entities';

/**
 * Creates an instance of a definition and runs its first step, in the caller's transaction. The
 * step runs before anything is written; if it fails (a condition that cannot be evaluated),
 * nothing is created. `startedChildren`: its first step started call activities, and a child
 * that completed at once has moved it on past the returned state.
 */
export async function createInstance(
  manager: EntityManager,
  definition: ProcessDefinitionEntity,
  input: {
    businessKey?: string | null;
    variables: Variables;
    startEventId?: string;
    actor?: string;
    /** The code of the agency that received it. */
    agency?: string | null;
    /** The call activity that starts it, when one does. */
    parent?: { instanceId: string; waitId: number; depth: number };
    now: Date;
  },
): Promise<{ instance: ProcessInstanceEntity; sent: SentMessage[]; startedChildren: boolean }> {
  const command: Command = {
    type: 'START',
    variables: input.variables,
    businessKey: input.businessKey ?? null,
    startEventId: input.startEventId,
    actor: input.actor,
    ...(input.parent && { calledByParent: true as const }),
  };
  await checkResidenceCommune(manager, input.variables);
  // The receiving agency's desk decides the 15:00 rule and "within the working day".
  const calendar = (await officeCalendar(manager)).forAgency(input.agency);
  const { state, effects } = step(
    definition.model,
    undefined,
    command,
    input.now.toISOString(),
    calendar,
  );
  const instance = manager.create(ProcessInstanceEntity, {
    id: randomUUID(),
    definitionId: definition.id,
    businessKey: input.businessKey ?? null,
    status: state.status,
    state,
    startedAt: input.now,
    endedAt: state.status === 'ACTIVE' ? null : input.now,
    parentInstanceId: input.parent?.instanceId ?? null,
    parentWaitId: input.parent?.waitId ?? null,
    agency: input.agency ?? null,
    revision: 1,
  });
  instance.callDepth = input.parent?.depth ?? 0;
  // Plain SQL: TypeORM's deep-partial typing does not terminate on the recursive JSON state.
  Object.assign(instance, deadlineColumns(state));
  await preparedQuery(
    manager,
    `INSERT INTO process_instance
       (id, definition_id, business_key, status, state, started_at, ended_at, revision, parent_instance_id, parent_wait_id,
        due_at, overdue, clock_paused_at, agency)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      instance.id,
      instance.definitionId,
      instance.businessKey,
      instance.status,
      JSON.stringify(state),
      instance.startedAt,
      instance.endedAt,
      instance.revision,
      instance.parentInstanceId,
      instance.parentWaitId,
      instance.dueAt,
      instance.overdue,
      instance.clockPausedAt,
      instance.agency,
    ],
  );
  const outcome = await applyEffects(manager, instance.id, effects, input.now, calendar);
  return {
    instance,
    sent: await followUp(manager, instance, outcome, input.now),
    startedChildren: outcome.startChildren.length > 0,
  };
}

/** The calendar's hashes as they were when each instance was locked (see officeCalendar). */
const calendarKeyAtLock = new WeakMap<ProcessInstanceEntity, string>();

/** Loads an instance and holds its row lock until the transaction ends: one step at a time. */
export async function lockInstance(
  manager: EntityManager,
  id: string,
): Promise<ProcessInstanceEntity> {
  const instance = await lockWhere(manager, 'i.id = $1', id);
  if (!instance) throw notFound('Process instance', id, { instanceId: id });
  return instance;
}

/** Locks the instance a task belongs to; null when there is no such task. */
export function lockInstanceOfTask(
  manager: EntityManager,
  taskId: string,
): Promise<ProcessInstanceEntity | null> {
  return lockWhere(manager, 'i.id = (SELECT t.instance_id FROM task t WHERE t.id = $1)', taskId);
}

/** One round trip: the instance, locked, and the calendar's hashes the step will need. */
async function lockWhere(
  manager: EntityManager,
  where: string,
  id: string,
): Promise<ProcessInstanceEntity | null> {
  const [row] = await preparedQuery<Record<string, unknown> & { calendar_key: string }>(
    manager,
    `SELECT i.*, ${CALENDAR_KEY} AS calendar_key FROM process_instance i
      WHERE ${where} FOR UPDATE OF i`,
    [id],
  );
  if (!row) return null;
  const instance = entityFromRow(manager, ProcessInstanceEntity, row);
  calendarKeyAtLock.set(instance, row.calendar_key);
  return instance;
}

/**
 * Runs one command against a locked instance and writes the new state and every effect in the
 * caller's transaction. If the engine refuses the command, it throws and nothing is written.
 */
export async function runCommand(
  manager: EntityManager,
  instance: ProcessInstanceEntity,
  command: Command,
  now: Date,
  /** Tasks the caller read under the lock, by wait id (see applyEffects). */
  knownTasks?: ReadonlyMap<number, KnownTask>,
): Promise<{
  instance: ProcessInstanceEntity;
  sent: SentMessage[];
  closedTasks: EffectOutcome['closedTasks'];
}> {
  if ('variables' in command) await checkResidenceCommune(manager, command.variables);
  const definition = await definitionById(manager, instance.definitionId);
  const calendar = (await officeCalendar(manager, calendarKeyAtLock.get(instance))).forAgency(
    instance.agency,
  );
  const { state, effects } = step(
    definition.model,
    instance.state,
    command,
    now.toISOString(),
    calendar,
  );
  instance.state = state;
  instance.status = state.status;
  instance.revision += 1;
  if (state.status !== 'ACTIVE') instance.endedAt = now;
  Object.assign(instance, deadlineColumns(state));
  // The new state goes with the step's last writes (see applyEffects): one round trip.
  const outcome = await applyEffects(manager, instance.id, effects, now, calendar, {
    knownTasks,
    finish: (batch) =>
      `UPDATE process_instance SET state = ${batch.param(JSON.stringify(state))},
              status = ${batch.param(state.status)}, revision = ${batch.param(instance.revision)},
              ended_at = ${batch.param(instance.endedAt)}, due_at = ${batch.param(instance.dueAt)},
              overdue = ${batch.param(instance.overdue)},
              clock_paused_at = ${batch.param(instance.clockPausedAt)}
        WHERE id = ${batch.param(instance.id)}`,
  });
  await followDossier(manager, instance, command, now, calendar);
  const sent = await followUp(manager, instance, outcome, now);
  return { instance, sent, closedTasks: outcome.closedTasks };
}

/** The deadline as columns, for queries: the appointment, overdue, and a paused clock. */
function deadlineColumns(
  state: InstanceState,
): Pick<ProcessInstanceEntity, 'dueAt' | 'overdue' | 'clockPausedAt'> {
  return {
    dueAt: state.deadline ? new Date(state.deadline.dueAt) : null,
    overdue: state.deadline?.overdue === true,
    clockPausedAt: state.clock?.pausedAt ? new Date(state.clock.pausedAt) : null,
  };
}

export async function findInstance(
  dataSource: DataSource,
  id: string,
): Promise<ProcessInstanceEntity | null> {
  if (!isUuid(id)) return null;
  const [instance] = await instancesByIds(dataSource, [id]);
  return instance;
}

/** The dossier with this code: the latest top-level instance of that business key. */
export function findDossierInstance(
  dataSource: DataSource,
  code: string,
): Promise<ProcessInstanceEntity | null> {
  return dataSource.getRepository(ProcessInstanceEntity).findOne({
    where: { businessKey: code, parentInstanceId: IsNull() },
    order: { startedAt: 'DESC' },
  });
}

export function isUuid(text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
}

/**
 * What a step means for other instances, in the same transaction: call activities start or
 * cancel their children, and a child that completed hands its variables back to its parent.
 * Returns every message sent along the way, to deliver after the commit.
 */
/** Whether the instance's current state still has the wait (read again: steps may have run since). */
async function stillWaits(
  manager: EntityManager,
  instanceId: string,
  waitId: number,
): Promise<boolean> {
  const current = await manager.findOneBy(ProcessInstanceEntity, { id: instanceId });
  return current?.status === 'ACTIVE' && current.state.tokens.some((token) => token.id === waitId);
}

/** Processes that call each other within one step stop here rather than recurse for ever. */
const MAX_CALL_DEPTH = 20;

async function followUp(
  manager: EntityManager,
  instance: ProcessInstanceEntity,
  outcome: EffectOutcome,
  now: Date,
): Promise<SentMessage[]> {
  const sent = [...outcome.sent];
  // A call activity reached and canceled in the same step starts nothing.
  const canceled = new Set(outcome.cancelChildren);
  for (const start of outcome.startChildren.filter((s) => !canceled.has(s.waitId))) {
    // An earlier child may have already ended this call (an error caught around it).
    if (!(await stillWaits(manager, instance.id, start.waitId))) continue;
    const depth = (instance.callDepth ?? 0) + 1;
    if (depth > MAX_CALL_DEPTH) {
      throw new AppError(
        'LOOP_LIMIT',
        `Call activity '${start.elementId}' would start a ${depth}th nested instance; the processes call each other without end`,
        { elementId: start.elementId },
      );
    }
    const definition = await calledDefinition(manager, start);
    const child = await createInstance(manager, definition, {
      businessKey: start.businessKey,
      variables: start.variables,
      agency: instance.agency,
      parent: { instanceId: instance.id, waitId: start.waitId, depth },
      now,
    });
    sent.push(...child.sent);
  }
  for (const waitId of outcome.cancelChildren) {
    const child = await manager.findOneBy(ProcessInstanceEntity, {
      parentInstanceId: instance.id,
      parentWaitId: waitId,
    });
    if (!child || child.status !== 'ACTIVE') continue;
    const locked = await lockInstance(manager, child.id);
    sent.push(...(await runCommand(manager, locked, { type: 'CANCEL' }, now)).sent);
  }
  for (const thrown of outcome.throwsToParent) {
    if (!instance.parentInstanceId || instance.parentWaitId === null) continue;
    const parent = await lockInstance(manager, instance.parentInstanceId);
    if (parent.status !== 'ACTIVE') continue;
    const command = {
      type: 'THROW_AT_WAIT' as const,
      waitId: instance.parentWaitId,
      kind: thrown.kind,
      code: thrown.code,
      variables: {},
    };
    sent.push(...(await runCommand(manager, parent, command, now)).sent);
  }
  if (
    instance.status === 'COMPLETED' &&
    instance.parentInstanceId &&
    instance.parentWaitId !== null
  ) {
    const parent = await lockInstance(manager, instance.parentInstanceId);
    // The call may have ended in this same step (an escalation it threw was caught there).
    if (
      parent.status === 'ACTIVE' &&
      parent.state.tokens.some((t) => t.id === instance.parentWaitId)
    ) {
      const command = {
        type: 'CHILD_COMPLETED' as const,
        waitId: instance.parentWaitId,
        variables: processVariables(instance.state),
      };
      sent.push(...(await runCommand(manager, parent, command, now)).sent);
    }
  }
  return sent;
}

/** The latest version of the called process, or the pinned one; NOT_FOUND names both. */
async function calledDefinition(
  manager: EntityManager,
  start: EffectOutcome['startChildren'][number],
): Promise<ProcessDefinitionEntity> {
  const definition = await manager.findOne(ProcessDefinitionEntity, {
    where:
      start.version === undefined
        ? { key: start.processKey }
        : { key: start.processKey, version: start.version },
    order: { version: 'DESC' },
  });
  if (!definition) {
    const which =
      start.version === undefined ? start.processKey : `${start.processKey} v${start.version}`;
    throw notFound(`Process called by '${start.elementId}'`, which, {
      elementId: start.elementId,
      key: start.processKey,
    });
  }
  return definition;
}

/** The instances an instance's call activities started, oldest first. */
export function childrenOf(
  dataSource: DataSource,
  instanceId: string,
): Promise<ProcessInstanceEntity[]> {
  return dataSource.getRepository(ProcessInstanceEntity).find({
    where: { parentInstanceId: instanceId },
    order: { startedAt: 'ASC', parentWaitId: 'ASC', id: 'ASC' },
  });
}
