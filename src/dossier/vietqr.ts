import { withoutMarks } from './without-marks';
import { PAYEE_ACCOUNT, PAYEE_BANK_BIN } from '../auth/agency-payee';
import { AppError } from '../errors';

/**
 * A VietQR payment code: the EMVCo merchant-presented QR payload as NAPAS specifies it for a
 * transfer to a bank account (NAPAS QR Switching technical specification, part IV, QR code
 * format; service code QRIBFTTA). Every field is an ID, a two-digit length and a value. Checked
 * against two public encoders' documented payloads (see its unit test), not NAPAS's document.
 */
export interface VietQrPayment {
  /** The beneficiary bank's NAPAS BIN (acquirer id), six digits: 970415 is VietinBank. */
  bankBin: string;
  /** The office's account at that bank. */
  account: string;
  /** In đồng, a whole number: the code is then dynamic (for this amount only). */
  amount: number;
  /** What the transfer says: the dossier code, so that the bank's notice names the dossier. */
  purpose: string;
}

const NAPAS_GUID = 'A000000727';
const TO_ACCOUNT = 'QRIBFTTA';
const VIETNAM_DONG = '704';
/**
 * The limit of the purpose of transaction (ID 62, sub-ID 08): 25, as the NAPAS tables copied by
 * public VietQR libraries give it. Unverified against EMVCo's and NAPAS's own documents.
 */
const PURPOSE_MAX = 25;

/** The payload to draw as a QR code, its CRC last. */
export function vietQrPayload(payment: VietQrPayment): string {
  check(PAYEE_BANK_BIN.test(payment.bankBin), 'bankBin', 'six digits, a NAPAS BIN');
  check(PAYEE_ACCOUNT.test(payment.account), 'account', 'up to 19 letters and digits');
  check(
    Number.isSafeInteger(payment.amount) && payment.amount > 0 && payment.amount < 1e13,
    'amount',
    'a whole number of đồng above 0',
  );
  const purpose = asciiPurpose(payment.purpose);
  check(purpose.length > 0, 'purpose', 'some letters or digits');
  const body =
    field('00', '01') +
    // Dynamic: the code carries the amount and serves this payment only.
    field('01', '12') +
    field(
      '38',
      field('00', NAPAS_GUID) +
        field('01', field('00', payment.bankBin) + field('01', payment.account)) +
        field('02', TO_ACCOUNT),
    ) +
    field('53', VIETNAM_DONG) +
    field('54', String(payment.amount)) +
    field('58', 'VN') +
    field('62', field('08', purpose));
  const withCrcId = `${body}6304`;
  return withCrcId + crc16(withCrcId);
}

/**
 * The purpose as a bank's app shows and returns it: Vietnamese letters without their marks
 * (the format allows no others), at most 25 characters.
 */
export function asciiPurpose(text: string): string {
  return withoutMarks(text).replace(/\n/g, '').trim().slice(0, PURPOSE_MAX);
}

/** One data object: its ID, its length in two digits, its value. */
function field(id: string, value: string): string {
  if (value.length > 99) throw new Error(`VietQR field ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF), as EMVCo's ID 63 asks, in hex. */
export function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

function check(ok: boolean, field: string, what: string): void {
  if (!ok) throw new AppError('BAD_USER_INPUT', `VietQR '${field}' must be ${what}`, { field });
}
