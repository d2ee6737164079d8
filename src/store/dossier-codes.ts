import { preparedQuery } from './prepared';
import { lockName } from './sql';
import type { Store } from './store';

/**
 * Serializes the use of a dossier code until the transaction ends, then answers which other
 * agency, if any, already started a dossier under it.
 */
export async function lockDossierCode(
  tx: Store,
  code: string,
  agency: string,
): Promise<{ otherAgency: string | null }> {
  await lockName(tx.manager, `dossier-code:${code}`);
  const [other] = await preparedQuery<{ agency: string }>(
    tx.manager,
    `SELECT agency FROM process_instance
      WHERE business_key = $1 AND parent_instance_id IS NULL AND agency <> $2
      LIMIT 1`,
    [code, agency],
  );
  return { otherAgency: other?.agency ?? null };
}
