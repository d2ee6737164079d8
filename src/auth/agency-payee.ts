import { notFound } from '../errors';
import type { AgencyEntity } from '../store/entities';
import { agencyByCode, setPayee } from '../store/officers';
import type { Store } from '../store/store';
import { invalid } from './officers';

/** The account an agency's fees are paid to, as its VietQR codes carry it. */
export interface Payee {
  /** The bank's NAPAS BIN (acquirer id): six digits, e.g. 970415. */
  bankBin: string;
  /** Letters and digits, up to 19: what a VietQR code can carry. */
  account: string;
  /** The account's name, as the bank holds it. */
  name: string;
}

export const PAYEE_BANK_BIN = /^\d{6}$/;
export const PAYEE_ACCOUNT = /^[0-9A-Za-z]{1,19}$/;

/** Sets the account an agency's fees are paid to; the QR codes printed from then on carry it. */
export function setAgencyPayee(
  store: Store,
  agencyCode: string,
  payee: Payee,
): Promise<AgencyEntity> {
  if (!PAYEE_BANK_BIN.test(payee.bankBin)) throw invalid('bankBin', 'six digits, a NAPAS BIN');
  if (!PAYEE_ACCOUNT.test(payee.account))
    throw invalid('account', 'up to 19 letters and digits, without spaces');
  if (payee.name.trim() === '') throw invalid('accountName', "the account's name");
  return store.transaction(async (tx) => {
    const agency = await agencyByCode(tx, agencyCode);
    if (!agency) throw notFound('Agency', agencyCode, { field: 'agencyCode' });
    const set = { payeeBankBin: payee.bankBin, payeeAccount: payee.account, payeeName: payee.name };
    await setPayee(tx, agency.id, set);
    return { ...agency, ...set };
  });
}
