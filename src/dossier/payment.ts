import { paidFor, recordDossierPayment, updateDossier } from '../store/dossiers';
import type { Store } from '../store/store';
import { AppError } from '../errors';
import type { DossierEntity, PaymentMethod } from '../store/entities';
import { setStatus, withLockedDossier } from './locked';
import { transition } from './life-cycle/machine';
import { DOSSIER_STATUS } from './life-cycle/status';

/**
 * Records a payment of the dossier's fees: cash at the desk, a transfer or a QR payment. A
 * payment over what is still due is refused: the office returns no change through the system.
 */
export function recordPayment(
  store: Store,
  input: {
    code: string;
    amount: number;
    method: PaymentMethod;
    by: string;
    now: Date;
    /** The bank's reference, for a payment it notified (see recordBankPayment). */
    bankReference?: string;
  },
): Promise<DossierEntity> {
  checkAmount(input.amount);
  return withLockedDossier(store, input.code, input.now, async ({ tx, dossier, run }) => {
    transition(dossier, 'PAY');
    const paid = await paidFor(tx, dossier.code);
    const due = dossier.feeAmount - paid;
    if (input.amount > due) {
      throw new AppError(
        'BAD_USER_INPUT',
        `Dossier '${dossier.code}' has ${due} đồng left to pay, not ${input.amount}`,
        { field: 'amount', dossierCode: dossier.code },
      );
    }
    await recordDossierPayment(tx, {
      code: dossier.code,
      amount: input.amount,
      method: input.method,
      by: input.by,
      at: input.now,
      bankReference: input.bankReference,
    });
    if (input.method !== 'CASH' && !dossier.paidCashless) {
      await updateDossier(tx, dossier.code, { paidCashless: true });
      dossier.paidCashless = true;
    }
    // The obligation the office was waiting for is met: the clock runs again.
    if (dossier.statusCode === DOSSIER_STATUS.PAYMENT_REQUESTED && input.amount === due) {
      await run({ type: 'RELEASE_CLOCK', actor: input.by });
      await setStatus(tx, dossier, transition(dossier, 'PAYMENT_COMPLETE').to);
    }
    return dossier;
  });
}

/**
 * The citizen must pay a financial obligation before processing goes on (nghĩa vụ tài chính,
 * e.g. a land levy): it is added to what is due, the dossier waits (status 6) and its clock
 * stops until the payment is recorded.
 */
export function requestPayment(
  store: Store,
  input: { code: string; amount: number; by: string; now: Date },
): Promise<DossierEntity> {
  checkAmount(input.amount);
  return withLockedDossier(store, input.code, input.now, async ({ tx, dossier, run }) => {
    const { to } = transition(dossier, 'REQUEST_PAYMENT');
    await run({ type: 'HOLD_CLOCK', actor: input.by });
    dossier.feeAmount += input.amount;
    await updateDossier(tx, dossier.code, { feeAmount: dossier.feeAmount });
    await setStatus(tx, dossier, to);
    return dossier;
  });
}

function checkAmount(amount: number): void {
  if (!Number.isInteger(amount) || amount < 1) {
    throw new AppError('BAD_USER_INPUT', "'amount' must be a whole number of đồng above 0", {
      field: 'amount',
    });
  }
}
