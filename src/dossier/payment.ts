import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppError } from '../errors';
import { DossierPaymentEntity, type DossierEntity, type PaymentMethod } from '../store/entities';
import { requireStatus, withLockedDossier } from './locked';

/**
 * Records a payment of the dossier's fees: cash at the desk, a transfer or a QR payment. A
 * payment over what is still due is refused: the office returns no change through the system.
 */
export function recordPayment(
  dataSource: DataSource,
  input: { code: string; amount: number; method: PaymentMethod; by: string; now: Date },
): Promise<DossierEntity> {
  if (!Number.isInteger(input.amount) || input.amount < 1) {
    throw new AppError('BAD_USER_INPUT', "'amount' must be a whole number of đồng above 0", {
      field: 'amount',
    });
  }
  return withLockedDossier(dataSource, input.code, input.now, async ({ manager, dossier }) => {
    requireStatus(dossier, 'paid for', [
      'RECEIVED',
      'IN_PROGRESS',
      'SUPPLEMENT_REQUESTED',
      'PAYMENT_REQUESTED',
      'PROCESSED',
    ]);
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
