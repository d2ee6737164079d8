import { AppError } from '../errors';
import { dossierPaidByBankReference, firstDossierCode } from '../store/dossiers';
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
 * Where a dossier code may end in a transfer's content: `-<yymmdd>-<sequence>`, after a run of
 * the characters a prefix is made of (the national agency code's digits, letters and dots, or
 * the agency's own code with dashes). A bank may glue its own words on the left
 * (`MBVCB.3278614744.000.00.06.H56-…`) or change the case: see codeCandidates.
 */
const CODE_ENDING = /([0-9A-Za-z.-]+)-(\d{6})-(\d{4,})(?!\d)/g;

/**
 * The codes a transfer's content may name, with each one's day of reception: every tail of the
 * prefix run that starts after a dot or a dash, as written, in lower case and in upper case.
 */
export function codeCandidates(description: string): { code: string; day: string }[] {
  const candidates: { code: string; day: string }[] = [];
  for (const [, run, yymmdd, sequence] of description.matchAll(CODE_ENDING)) {
    const day = `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
    // Not a day (a bank's own number that looks like one): no dossier has it.
    if (Number.isNaN(Date.parse(day)) || new Date(day).toISOString().slice(0, 10) !== day) continue;
    const starts = [0, ...[...run].flatMap((c, i) => (c === '.' || c === '-' ? [i + 1] : []))];
    for (const start of starts) {
      const prefix = run.slice(start);
      if (!/^[0-9A-Za-z]/.test(prefix)) continue;
      for (const cased of new Set([prefix, prefix.toLowerCase(), prefix.toUpperCase()]))
        candidates.push({ code: `${cased}-${yymmdd}-${sequence}`, day });
    }
  }
  return candidates;
}

/**
 * Records a notified payment once: a notice sent again (or twice at once) finds its reference
 * recorded and changes nothing. The payment is by QR, so the dossier counts as paid online.
 * One transaction; refused, changing nothing, when the content names no dossier or the dossier
 * cannot take the payment (more than is due, a status that takes none).
 */
export async function recordBankPayment(
  store: Store,
  notice: BankNotice,
  now: Date,
): Promise<{ dossierCode: string; recorded: boolean }> {
  const code = await firstDossierCode(store, codeCandidates(notice.description));
  if (!code) {
    // The content is the payer's words (often their name): not repeated in the answer.
    throw new AppError('NOT_FOUND', "No dossier's code in the transfer's content", {
      field: 'description',
    });
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
