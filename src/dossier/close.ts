import type { Store } from '../store/store';
import { paidFor } from '../store/dossiers';
import { AppError } from '../errors';
import type { DossierEntity, ResultReturnMethod } from '../store/entities';
import { definitionById } from '../store/definitions';
import { openTasksAt } from '../store/tasks';
import { issueForm, setStatus, withLockedDossier, type LockedDossier } from './locked';
import { transition } from './life-cycle/machine';

/** The ways a dossier ends before its result: each a row of the dossier's machine. */
const ENDINGS = { refuse: 'REFUSE', stop: 'STOP', withdraw: 'WITHDRAW' } as const;

/**
 * Ends a dossier before its result: its process stops where it stands (every task withdrawn),
 * the form goes out, and the status says why, in one transaction.
 */
export function endDossier(
  store: Store,
  how: keyof typeof ENDINGS,
  input: { code: string; reason: string; by: string; now: Date },
): Promise<DossierEntity> {
  if (input.reason.trim() === '') {
    throw new AppError('BAD_USER_INPUT', "'reason' must say why", { field: 'reason' });
  }
  return withLockedDossier(store, input.code, input.now, async ({ tx, dossier, run }) => {
    const { to, form } = transition(dossier, ENDINGS[how]);
    await run({ type: 'CANCEL', actor: input.by });
    if (form) {
      await issueForm(tx, dossier.code, form, input.by, input.now, { reason: input.reason });
    }
    await setStatus(tx, dossier, to, { finishedAt: input.now });
    return dossier;
  });
}

/** The result handed over: how, its document number, paper or electronic, and electronic copies. */
export interface IssuedResult {
  method: ResultReturnMethod;
  documentNumber?: string;
  electronic: boolean;
  electronicCopies: number;
}

/**
 * The result goes to the citizen (trả kết quả), the dossier's last step: it was judged when the
 * result reached the desk, and the return keeps that verdict. The step waiting for the return
 * (the `tthc:resultReady` one), if the process still waits there, is completed by it.
 */
export function returnResult(
  store: Store,
  input: { code: string; by: string; now: Date; result: IssuedResult },
): Promise<DossierEntity> {
  return withLockedDossier(store, input.code, input.now, async (locked) => {
    const { tx, dossier } = locked;
    const { to } = transition(dossier, 'RETURN');
    const due = dossier.feeAmount - (await paidFor(tx, dossier.code));
    if (due > 0) {
      throw new AppError(
        'DOSSIER_INVALID_STATE',
        `Dossier '${dossier.code}' has ${due} đồng of fees unpaid: record the payment before returning the result`,
        { dossierCode: dossier.code, status: 'PROCESSED' },
      );
    }
    await completeReturnStep(locked, input.by);
    await setStatus(tx, dossier, to, {
      returnedAt: input.now,
      returnMethod: input.result.method,
      resultNumber: input.result.documentNumber ?? null,
      resultElectronic: input.result.electronic,
      electronicCopies: input.result.electronicCopies,
    });
    return dossier;
  });
}

/** Completes the open step(s) of the dossier's process that wait for the result to go back. */
async function completeReturnStep({ tx, instance, run }: LockedDossier, by: string) {
  if (instance.status !== 'ACTIVE') return;
  const definition = await definitionById(tx, instance.definitionId);
  const returnSteps = Object.values(definition.model.nodes)
    .filter((node) => node.resultReady)
    .map((node) => node.id);
  for (const task of await openTasksAt(tx, instance.id, returnSteps)) {
    await run({ type: 'COMPLETE_TASK', waitId: task.waitId, variables: {}, actor: by });
  }
}
