import { el } from './dom';
import { dateTime, t } from './i18n';

/** A dossier's signed result as the API answers it (see SignedResult). */
export interface SignedResultView {
  signedBy: string;
  signedAt: string;
  valid: boolean;
  problem: string | null;
  downloadPath: string;
}

/** The GraphQL selection of it. */
export const SIGNED_RESULT_FIELDS = 'signedResult { signedBy signedAt valid problem downloadPath }';

/** Why a signature does not verify, as the API names it (each has its words in i18n.ts). */
const PROBLEMS = [
  'NOT_SIGNED',
  'BYTE_RANGE',
  'MALFORMED_SIGNATURE',
  'DIGEST_MISMATCH',
  'BAD_SIGNATURE',
  'UNTRUSTED',
  'CERTIFICATE_EXPIRED',
];

/**
 * Who signed the result and when, whether the signature verifies, and a way to download the
 * signed PDF (`download`: a link, or a button that fetches it with the officer's token).
 */
export function signedResultSection(signed: SignedResultView, download: HTMLElement): HTMLElement {
  const row = (label: string, value: string) =>
    el('div', {}, el('dt', {}, label), el('dd', {}, value));
  const check = signed.valid
    ? t('signed.valid')
    : `${t('signed.invalid')}: ${PROBLEMS.includes(signed.problem ?? '') ? t(`signed.problem.${signed.problem}`) : signed.problem}`;
  return el(
    'section',
    { class: 'signed-result', 'data-valid': String(signed.valid) },
    el('h3', {}, t('signed.heading')),
    el(
      'dl',
      {},
      row(t('signed.by'), signed.signedBy),
      row(t('signed.at'), dateTime(signed.signedAt)),
      row(t('signed.check'), check),
    ),
    el('p', {}, download),
  );
}
