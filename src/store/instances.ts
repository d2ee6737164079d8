import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { step } from '../engine/step';
import type { Command, Variables } from '../engine/types';
import { notFound } from '../errors';
import { applyEffects, type SentMessage } from './apply-effects';
import { definitionById } from './definitions';
import { ProcessDefinitionEntity, ProcessInstanceEntity } from './entities';

/**
 * Creates an instance of a definition and runs its first step, in the caller's transaction. The
 * step runs before anything is written; if it fails (a condition that cannot be evaluated),
 * nothing is created.
 */
export async function createInstance(
  manager: EntityManager,
  definition: ProcessDefinitionEntity,
  input: {
    businessKey?: string | null;
    variables: Variables;
    startEventId?: string;
    actor?: string;
    now: Date;
  },
): Promise<{ instance: ProcessInstanceEntity; sent: SentMessage[] }> {
  const command: Command = {
    type: 'START',
    variables: input.variables,
    businessKey: input.businessKey ?? null,
    startEventId: input.startEventId,
    actor: input.actor,
  };
  const { state, effects } = step(definition.model, undefined, command, input.now.toISOString());
  const instance = manager.create(ProcessInstanceEntity, {
    id: randomUUID(),
    definitionId: definition.id,
    businessKey: input.businessKey ?? null,
    status: state.status,
    state,
    startedAt: input.now,
    endedAt: state.status === 'ACTIVE' ? null : input.now,
    revision: 1,
  });
  // Plain SQL: TypeORM's deep-partial typing does not terminate on the recursive JSON state.
  await manager.query(
    `INSERT INTO process_instance (id, definition_id, business_key, status, state, started_at, ended_at, revision)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      instance.id,
      instance.definitionId,
      instance.businessKey,
      instance.status,
      JSON.stringify(state),
      instance.startedAt,
      instance.endedAt,
      instance.revision,
    ],
  );
  const sent = await applyEffects(manager, instance.id, effects, input.now);
  return { instance, sent };
}

/** Loads an instance and holds its row lock until the transaction ends: one step at a time. */
export async function lockInstance(
  manager: EntityManager,
  id: string,
): Promise<ProcessInstanceEntity> {
  const instance = await manager.findOne(ProcessInstanceEntity, {
    where: { id },
    lock: { mode: 'pessimistic_write' },
  });
  if (!instance) throw notFound('Process instance', id, { instanceId: id });
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
): Promise<{ instance: ProcessInstanceEntity; sent: SentMessage[] }> {
  const definition = await definitionById(manager, instance.definitionId);
  const { state, effects } = step(definition.model, instance.state, command, now.toISOString());
  instance.state = state;
  instance.status = state.status;
  instance.revision += 1;
  if (state.status !== 'ACTIVE') instance.endedAt = now;
  await manager.query(
    'UPDATE process_instance SET state = $1, status = $2, revision = $3, ended_at = $4 WHERE id = $5',
    [JSON.stringify(state), state.status, instance.revision, instance.endedAt, instance.id],
  );
  const sent = await applyEffects(manager, instance.id, effects, now);
  return { instance, sent };
}

export async function findInstance(
  dataSource: DataSource,
  id: string,
): Promise<ProcessInstanceEntity | null> {
  if (!isUuid(id)) return null;
  return dataSource.getRepository(ProcessInstanceEntity).findOneBy({ id });
}

export function isUuid(text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
}
