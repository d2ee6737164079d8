import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppError } from '../errors';
import { DossierEntity, DossierPaymentEntity, type PaymentMethod } from '../store/entities';
import { setStatus, withLockedDossier } from './locked';
import { transition } from './machine';
import { DOSSIER_STATUS } from './status';

/**
 * Records a payment of the dossier's fees: cash at the desk, a transfer or a QR payment. A
 * payment over what is still due is refused: the office returns no change through the system.
 */
export function recordPayment(
  dataSource: DataSource,
  input: { code: string; amount: number; method: PaymentMethod; by: string; now: Date },
): Promise<DossierEntity> {
  checkAmount(input.amount);
  return withLockedDossier(dataSource, input.code, input.now, async ({ manager, dossier, run }) => {
    transition(dossier, 'PAY');
    const paid = await paidFor(manager.getRepository(DossierPaymentEntity), dossier.code);
    const due = dossier.feeAmount - paid;
    if (input.amount > due) {
      throw new AppError(
        'BAD_USER_INPUT',
        `Dossier '${dossier.code}' has ${due} đồng left to pay, not ${input.amount}`,
        { field: 'amount', dossierCode: dossier.code },
      );
    }
    await manager.insert(DossierPaymentEntity, {
      id: randomUUID(),
      dossierCode: dossier.code,
      amount: input.amount,
      method: input.method,
      paidAt: input.now,
      recordedBy: input.by,
    });
    if (input.method !== 'CASH' && !dossier.paidCashless) {
      await manager.update(DossierEntity, { code: dossier.code }, { paidCashless: true });
      dossier.paidCashless = true;
    }
    // The obligation the office was waiting for is met: the clock runs again.
    if (dossier.statusCode === DOSSIER_STATUS.PAYMENT_REQUESTED && input.amount === due) {
      await run({ type: 'RELEASE_CLOCK', actor: input.by });
      await setStatus(manager, dossier, transition(dossier, 'PAYMENT_COMPLETE').to);
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
  dataSource: DataSource,
  input: { code: string; amount: number; by: string; now: Date },
): Promise<DossierEntity> {
  checkAmount(input.amount);
  return withLockedDossier(dataSource, input.code, input.now, async ({ manager, dossier, run }) => {
    const { to } = transition(dossier, 'REQUEST_PAYMENT');
    await run({ type: 'HOLD_CLOCK', actor: input.by });
    dossier.feeAmount += input.amount;
    await manager.update(DossierEntity, { code: dossier.code }, { feeAmount: dossier.feeAmount });
    await setStatus(manager, dossier, to);
    return dossier;
  });
}

/** What has been paid for a dossier so far, in đồng. */
export async function paidFor(
  payments: { sum(column: 'amount', where: { dossierCode: string }): Promise<number | null> },
  code: string,
): Promise<number> {
  return (await payments.sum('amount', { dossierCode: code })) ?? 0;
}

function checkAmount(amount: number): void {
  if (!Number.isInteger(amount) || amount < 1) {
    throw new AppError('BAD_USER_INPUT', "'amount' must be a whole number of đồng above 0", {
      field: 'amount',
    });
  }
}
