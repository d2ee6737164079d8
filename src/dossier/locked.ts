import { notFound } from '../errors';
import type { Command } from '../engine/types';
import type { DossierEntity, ProcessInstanceEntity } from '../store/entities';
import {
  dossierByCode,
  recordIssuedForm,
  updateDossier,
  type DossierChanges,
} from '../store/dossiers';
import { withUnitOfWork } from '../store/pipeline/dispatch';
import type { LockedInstance } from '../store/pipeline/instance-rows';
import type { UnitOfWork } from '../store/pipeline/unit-of-work';
import type { Store } from '../store/store';
import { DOSSIER_STATUS, type DossierStatusName } from './life-cycle/status';

/** A dossier and its process, locked, in the transaction of one action. */
export interface LockedDossier {
  tx: Store;
  dossier: DossierEntity;
  instance: ProcessInstanceEntity;
  /** A step of the dossier's process; what it sends goes out once the action commits. */
  run(command: Command): Promise<void>;
}

/**
 * Every change to a dossier happens in one unit of work holding its process instance's row lock,
 * the same lock every step of the process takes: the dossier and its process move together.
 */
export async function withLockedDossier<T>(
  store: Store,
  code: string,
  now: Date,
  work: (locked: LockedDossier) => Promise<T>,
): Promise<T> {
  const found = await dossierByCode(store, code);
  if (!found) throw notFound('Dossier', code, { dossierCode: code, field: 'code' });
  return withUnitOfWork(store, now, async (unit) => {
    const locked = await unit.lock(found.instanceId);
    // Read again under the lock: another action may have moved it since.
    const dossier = (await dossierByCode(unit.tx, code))!;
    return work({ tx: unit.tx, dossier, instance: locked.instance, run: stepper(unit, locked) });
  });
}

/** Runs commands on a locked instance, in the unit of work. */
export function stepper(unit: UnitOfWork, locked: LockedInstance): LockedDossier['run'] {
  return async (command) => {
    await unit.step(locked, command);
  };
}

export async function setStatus(
  tx: Store,
  dossier: DossierEntity,
  name: DossierStatusName,
  extra: Omit<DossierChanges, 'statusCode'> = {},
): Promise<void> {
  const changes = { statusCode: DOSSIER_STATUS[name], ...extra };
  Object.assign(dossier, changes);
  await updateDossier(tx, dossier.code, changes);
}

/** Records a form as issued, with what it says; answers whether it made the dossier late. */
export async function issueForm(
  tx: Store,
  dossierCode: string,
  number: '01' | '02' | '03' | '04' | '05',
  by: string,
  at: Date,
  content: Record<string, unknown>,
): Promise<boolean> {
  const { markedLate } = await recordIssuedForm(tx, { dossierCode, number, by, at, content });
  return markedLate;
}
