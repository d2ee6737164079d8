import { AppError } from '../errors';
import type { Variables } from '../engine/types';
import { latestDefinition } from '../store/definitions';
import { lockDossierCode } from '../store/dossier-codes';
import type { ProcessInstanceEntity } from '../store/entities';
import { findInstance } from '../store/instances';
import { withUnitOfWork } from '../store/pipeline/dispatch';
import type { Store } from '../store/store';

/** Starts the latest version of a process; messages its first step sends go out after the commit. */
export async function startInstance(
  store: Store,
  input: {
    key: string;
    businessKey?: string | null;
    variables: Variables;
    /** One of the process's none start events; by default the first. */
    startEventId?: string;
    actor?: string;
    /** The code of the agency that received the dossier. */
    agency?: string | null;
    now: Date;
  },
): Promise<ProcessInstanceEntity> {
  const { instance, movedOn } = await withUnitOfWork(store, input.now, async (unit) => {
    const definition = await latestDefinition(unit.tx, input.key);
    if (input.businessKey && input.agency) {
      await claimDossierCode(unit.tx, input.businessKey, input.agency);
    }
    const started = await unit.start(definition, input);
    return {
      instance: started.instance,
      movedOn: started.followUps.some((f) => f.type === 'START_CHILD') || unit.sent.length > 0,
    };
  });
  // A called process that completed at once, or a message it sent itself, has moved it on since
  // its first step: read it again then.
  if (!movedOn) return instance;
  return (await findInstance(store, instance.id)) ?? instance;
}

/**
 * A dossier code belongs to the agency that first received a dossier under it: another agency
 * may not start one with the same code (the citizen's look-up and its live changes follow the
 * code). Serialized per code, so two agencies cannot both take a new one at once.
 */
export async function claimDossierCode(tx: Store, code: string, agency: string): Promise<void> {
  const { otherAgency } = await lockDossierCode(tx, code, agency);
  if (otherAgency) {
    throw new AppError(
      'BAD_USER_INPUT',
      `The dossier code '${code}' is used by agency '${otherAgency}'`,
      {
        field: 'businessKey',
      },
    );
  }
}
