import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { WorkingCalendar } from '../../calendar/working-calendar';
import { step } from '../../engine/step';
import type { Command, Effect, InstanceState, Variables } from '../../engine/types';
import { checkResidenceCommune } from '../residence-commune';
import { decisionsFor } from '../decisions';
import { officeCalendar } from '../calendars';
import { definitionById } from '../definitions';
import { ProcessDefinitionEntity, ProcessInstanceEntity } from '../entities';
import { executePlan } from './execute-plan';
import { followDossier } from './follow-dossier';
import {
  deadlineColumns,
  insertInstance,
  saveInstance,
  type LockedInstance,
} from './instance-rows';
import { planEffects } from './plan/plan-effects';
import type { FollowUp, OpenTask, SentMessage } from './plan/write-plan';
import { readBeforePlan } from './read-before-plan';

/** What one step did, for the unit of work that runs it. */
export interface Stepped {
  instance: ProcessInstanceEntity;
  followUps: FollowUp[];
  sent: SentMessage[];
  /** The task the step completed, as its row now is. */
  closedTask?: Record<string, unknown>;
}

/** How a new instance starts: by a client, a message, a timer, or a call activity. */
export interface StartInput {
  businessKey?: string | null;
  variables: Variables;
  startEventId?: string;
  actor?: string;
  /** The code of the agency that received it. */
  agency?: string | null;
  /** The call activity that starts it, when one does. */
  parent?: { instanceId: string; waitId: number; depth: number };
}

/**
 * Creates an instance of a definition and runs its first step. The step runs before anything is
 * written: if the engine refuses it (a condition that cannot be evaluated), nothing is created.
 */
export async function startInstance(
  manager: EntityManager,
  definition: ProcessDefinitionEntity,
  input: StartInput,
  now: Date,
): Promise<Stepped> {
  await checkResidenceCommune(manager, input.variables);
  // The receiving agency's desk decides the 15:00 rule and "within the working day".
  const calendar = (await officeCalendar(manager)).forAgency(input.agency);
  const command: Command = {
    type: 'START',
    variables: input.variables,
    businessKey: input.businessKey ?? null,
    startEventId: input.startEventId,
    actor: input.actor,
    ...(input.parent && { calledByParent: true as const }),
  };
  const { state, effects } = step(
    definition.model,
    undefined,
    command,
    now.toISOString(),
    calendar,
    await decisionsFor(manager, definition.model),
  );
  const instance = newInstance(definition, input, state, now);
  await insertInstance(manager, instance);
  return writeStep(manager, { instance, effects, calendar, now });
}

function newInstance(
  definition: ProcessDefinitionEntity,
  input: StartInput,
  state: InstanceState,
  now: Date,
): ProcessInstanceEntity {
  return Object.assign(new ProcessInstanceEntity(), {
    id: randomUUID(),
    definitionId: definition.id,
    businessKey: input.businessKey ?? null,
    status: state.status,
    state,
    startedAt: now,
    endedAt: state.status === 'ACTIVE' ? null : now,
    parentInstanceId: input.parent?.instanceId ?? null,
    parentWaitId: input.parent?.waitId ?? null,
    agency: input.agency ?? null,
    revision: 1,
    callDepth: input.parent?.depth ?? 0,
    ...deadlineColumns(state),
  });
}

/**
 * Runs one command against a locked instance: the engine steps, its effects are planned and
 * written with the new state, and the dossier follows. If the engine refuses the command, it
 * throws and nothing is written.
 */
export async function stepInstance(
  manager: EntityManager,
  locked: LockedInstance,
  command: Command,
  now: Date,
  /** The task the caller read under the lock, by wait id: not read again. */
  knownTask?: { waitId: number } & OpenTask,
): Promise<Stepped> {
  const { instance } = locked;
  if ('variables' in command) await checkResidenceCommune(manager, command.variables);
  const definition = await definitionById(manager, instance.definitionId);
  const calendar = (await officeCalendar(manager, locked.calendarKey)).forAgency(instance.agency);
  const { state, effects } = step(
    definition.model,
    instance.state,
    command,
    now.toISOString(),
    calendar,
    await decisionsFor(manager, definition.model),
  );
  instance.state = state;
  instance.status = state.status;
  instance.revision += 1;
  if (state.status !== 'ACTIVE') instance.endedAt = now;
  Object.assign(instance, deadlineColumns(state));
  const stepped = await writeStep(manager, { instance, effects, calendar, now, knownTask }, true);
  await followDossier(manager, instance, command, now, calendar);
  return stepped;
}

/**
 * Reads what the plan needs, plans the effects, writes them (and the new state when `save`): the
 * one road from a step's effects to the database, taken by a migration too.
 */
export async function writeStep(
  manager: EntityManager,
  step: {
    instance: ProcessInstanceEntity;
    effects: readonly Effect[];
    calendar: WorkingCalendar;
    now: Date;
    knownTask?: { waitId: number } & OpenTask;
  },
  save = false,
): Promise<Stepped> {
  const { instance, effects, calendar, now, knownTask } = step;
  const known = new Map(knownTask ? [[knownTask.waitId, knownTask]] : []);
  const read = await readBeforePlan(manager, instance, effects, known);
  const plan = planEffects(effects, {
    instanceId: instance.id,
    now,
    calendar,
    newId: randomUUID,
    ...read,
  });
  const closedTask = await executePlan(
    manager,
    instance.id,
    plan.writes,
    now,
    save ? saveInstance(instance) : undefined,
  );
  return { instance, followUps: plan.followUps, sent: plan.sent, closedTask };
}
