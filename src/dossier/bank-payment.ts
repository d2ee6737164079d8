import { AppError } from '../errors';
import { dossierPaidByBankReference } from '../store/dossiers';
import type { Store } from '../store/store';
import { recordPayment } from './payment';

/** What a bank says of a transfer it received to an agency's account (a VietQR payment). */
export interface BankNotice {
  /** The bank's own reference for the transfer: the same notice always carries the same one. */
  reference: string;
  /** In đồng. */
  amount: number;
  /** The transfer's content, which the VietQR code filled with the dossier code. */
  description: string;
}

/**
 * A dossier code as the VietQR purpose carries it: `<prefix>-<yymmdd>-<sequence>`, the prefix
 * the national agency code (digits, letters, dots) or the agency's own code (with dashes).
 */
const DOSSIER_CODE = /[0-9A-Za-z][0-9A-Za-z.-]{0,63}-\d{6}-\d{4,}/;

/**
 * Records a notified payment once: a notice sent again (or twice at once) finds its reference
 * recorded and changes nothing. The payment is by QR, so the dossier counts as paid online.
 * One transaction; refused, changing nothing, when no dossier code is in the description or
 * the dossier cannot take the payment (more than is due, a status that takes none).
 */
export function recordBankPayment(
  store: Store,
  notice: BankNotice,
  now: Date,
): Promise<{ dossierCode: string; recorded: boolean }> {
  const code = DOSSIER_CODE.exec(notice.description)?.[0];
  if (!code) {
    throw new AppError(
      'NOT_FOUND',
      `No dossier code in the transfer's content '${notice.description}'`,
      {
        field: 'description',
      },
    );
  }
  return store.transaction(async (tx) => {
    const recordedFor = await dossierPaidByBankReference(tx, notice.reference);
    if (recordedFor !== undefined) return { dossierCode: recordedFor, recorded: false };
    await recordPayment(tx, {
      code,
      amount: notice.amount,
      method: 'QR',
      by: 'bank',
      now,
      bankReference: notice.reference,
    });
    return { dossierCode: code, recorded: true };
  });
}
