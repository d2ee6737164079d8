import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { DossierEntity, HistoryEventEntity, ProcessInstanceEntity } from './entities';
import { entityFromRow } from './rows';
import type { Store } from './store';

/*
 * Reads of the archive (see archive.ts), for what must still answer about past years: the
 * citizen's look-up and the tracking book. Rows there have the live tables' columns.
 */

/** An archived dossier by its code. */
export function archivedDossier(store: Store, code: string): Promise<DossierEntity | null> {
  return archivedRow(store, DossierEntity, `SELECT * FROM archive.dossier WHERE code = $1`, code);
}

/** An archived instance by its id. */
export function archivedInstance(store: Store, id: string): Promise<ProcessInstanceEntity | null> {
  return archivedRow(
    store,
    ProcessInstanceEntity,
    `SELECT * FROM archive.process_instance WHERE id = $1`,
    id,
  );
}

/** The user tasks an archived instance completed, in the order they were. */
export async function archivedUserTasks(
  store: Store,
  instanceId: string,
): Promise<HistoryEventEntity[]> {
  const rows = (await store.manager.query(
    `SELECT * FROM archive.history_event
      WHERE instance_id = $1 AND event_type = 'ELEMENT_COMPLETED' AND element_type = 'userTask'
      ORDER BY id`,
    [instanceId],
  )) as Record<string, unknown>[];
  return rows.map((row) => entityFromRow(store.manager, HistoryEventEntity, row));
}

async function archivedRow<T extends ObjectLiteral>(
  store: Store,
  target: EntityTarget<T>,
  sql: string,
  key: string,
): Promise<T | null> {
  const [row] = (await store.manager.query(sql, [key])) as Record<string, unknown>[];
  return row ? entityFromRow(store.manager, target, row) : null;
}
