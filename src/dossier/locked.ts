import type { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../errors';
import { DossierEntity, type ProcessInstanceEntity } from '../store/entities';
import type { Command } from '../engine/types';
import type { SentMessage } from '../store/apply-effects';
import { lockInstance, runCommand } from '../store/instances';
import { deliverMessages } from '../store/messages';
import { inTransaction } from '../store/transaction';
import { randomUUID } from 'node:crypto';
import { queryReturning } from '../store/sql';
import { DOSSIER_STATUS, type DossierStatusName } from './status';

/** A dossier and its process, locked, in the transaction of one action. */
export interface LockedDossier {
  manager: EntityManager;
  dossier: DossierEntity;
  instance: ProcessInstanceEntity;
  /** A step of the dossier's process; what it sends goes out once the action commits. */
  run(command: Command): Promise<void>;
}

/**
 * Every change to a dossier happens in one transaction holding its process instance's row lock,
 * the same lock every step of the process takes: the dossier and its process move together.
 */
export async function withLockedDossier<T>(
  dataSource: DataSource,
  code: string,
  now: Date,
  work: (locked: LockedDossier) => Promise<T>,
): Promise<T> {
  const found = await dataSource.getRepository(DossierEntity).findOneBy({ code });
  if (!found) throw notFound('Dossier', code, { dossierCode: code, field: 'code' });
  const sent: SentMessage[] = [];
  const result = await inTransaction(dataSource, async (manager) => {
    const instance = await lockInstance(manager, found.instanceId);
    const dossier = await manager.findOneByOrFail(DossierEntity, { code });
    return work({ manager, dossier, instance, run: stepper(manager, instance, now, sent) });
  });
  await deliverMessages(dataSource, sent, now);
  return result;
}

/** Runs commands on a locked instance, keeping what they send for after the commit. */
export function stepper(
  manager: EntityManager,
  instance: ProcessInstanceEntity,
  now: Date,
  sent: SentMessage[],
): (command: Command) => Promise<void> {
  return async (command) => {
    sent.push(...(await runCommand(manager, instance, command, now)).sent);
  };
}

export async function setStatus(
  manager: EntityManager,
  dossier: DossierEntity,
  name: DossierStatusName,
  extra: Partial<
    Pick<
      DossierEntity,
      | 'finishedAt'
      | 'returnedAt'
      | 'returnMethod'
      | 'resultNumber'
      | 'resultElectronic'
      | 'electronicCopies'
    >
  > = {},
): Promise<void> {
  Object.assign(dossier, { statusCode: DOSSIER_STATUS[name], ...extra });
  await manager.update(
    DossierEntity,
    { code: dossier.code },
    { statusCode: DOSSIER_STATUS[name], ...extra },
  );
}

/** Records a form as issued, with what it says; answers whether it made the dossier late. */
export async function issueForm(
  manager: EntityManager,
  dossierCode: string,
  number: '01' | '02' | '03' | '04' | '05',
  by: string,
  at: Date,
  content: Record<string, unknown>,
): Promise<boolean> {
  // Plain SQL: TypeORM's deep-partial typing does not take free-form JSON.
  await manager.query(
    `INSERT INTO dossier_form (id, dossier_code, number, issued_at, issued_by, content)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [randomUUID(), dossierCode, number, at, by, JSON.stringify(content)],
  );
  // A new date (Form 04) or a second request for papers makes the dossier late (766 rules).
  if (number !== '04' && number !== '02') return false;
  const marked = await queryReturning<{ code: string }>(
    manager,
    `UPDATE dossier SET late_marked = true
      WHERE code = $1 AND NOT late_marked
        AND ($2 = '04' OR (SELECT count(*) FROM dossier_form
                            WHERE dossier_code = $1 AND number = '02') > 1)
      RETURNING code`,
    [dossierCode, number],
  );
  return marked.length > 0;
}
