import './style.css';
import QRCode from 'qrcode';
import { el } from './dom';
import { errorText, graphql } from './graphql';
import { dateTime, language, statusText, t, translatePage } from './i18n';
import { SIGNED_RESULT_FIELDS, signedResultSection, type SignedResultView } from './signed-result';

interface Progress {
  code: string;
  procedureName: string | null;
  status: string;
  statusLabel: string;
  receivedAt: string;
  appointmentAt: string | null;
  late: boolean;
  stepsDone: { name: string; at: string }[];
  currentSteps: string[];
  amountDue: number;
  notified: boolean;
  vietQr: string | null;
  signedResult: SignedResultView | null;
  /** The four digits the citizen gave: the signed result downloads with them. */
  phoneLast4: string;
}

const form = document.querySelector<HTMLFormElement>('#lookup')!;
const error = document.querySelector<HTMLParagraphElement>('#error')!;
const result = document.querySelector<HTMLElement>('#result')!;
let shown: Progress | undefined;

// A code printed on the receipt's QR arrives in the address: ?code=…
form.code.value = new URLSearchParams(location.search).get('code') ?? '';
translatePage(() => shown && void show(shown));

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const code = String(form.code.value).trim();
  const phoneLast4 = String(form.phoneLast4.value).trim();
  error.hidden = true;
  if (!code || !/^\d{4}$/.test(phoneLast4)) return fail(t('lookup.invalid'));
  try {
    const { dossierStatus } = await graphql<{ dossierStatus: Omit<Progress, 'phoneLast4'> }>(
      `
        query ($code: String!, $phoneLast4: String!) {
          dossierStatus(code: $code, phoneLast4: $phoneLast4) {
            code
            procedureName
            status
            statusLabel
            receivedAt
            appointmentAt
            late
            stepsDone {
              name
              at
            }
            currentSteps
            amountDue
            notified
            vietQr
            ${SIGNED_RESULT_FIELDS}
          }
        }
      `,
      { code, phoneLast4 },
    );
    await show({ ...dossierStatus, phoneLast4 });
  } catch (caught) {
    fail(errorText(caught, language(), t('error.network')));
  }
});

function fail(message: string): void {
  shown = undefined;
  result.hidden = true;
  error.textContent = message;
  error.hidden = false;
}

async function show(progress: Progress): Promise<void> {
  shown = progress;
  const row = (label: string, value: string) =>
    el('div', {}, el('dt', {}, label), el('dd', {}, value));
  result.replaceChildren(
    el('h2', {}, progress.code),
    ...(progress.late ? [el('p', { class: 'late' }, t('lookup.late'))] : []),
    el(
      'dl',
      {},
      row(t('lookup.procedure'), progress.procedureName ?? '—'),
      row(t('lookup.status'), statusText(progress.status, progress.statusLabel)),
      row(t('lookup.received'), dateTime(progress.receivedAt)),
      row(t('lookup.appointment'), dateTime(progress.appointmentAt)),
    ),
    el('h3', {}, t('lookup.done')),
    progress.stepsDone.length
      ? el(
          'ol',
          {},
          ...progress.stepsDone.map((step) => el('li', {}, `${step.name} — ${dateTime(step.at)}`)),
        )
      : el('p', {}, t('lookup.none')),
    el('h3', {}, t('lookup.current')),
    progress.currentSteps.length
      ? el('ul', {}, ...progress.currentSteps.map((name) => el('li', {}, name)))
      : el('p', {}, t('lookup.none')),
    ...(progress.signedResult ? [signedResult(progress.signedResult, progress.phoneLast4)] : []),
    ...(progress.vietQr ? [await payment(progress.amountDue, progress.vietQr)] : []),
    ...(progress.notified ? [notifications(progress)] : []),
  );
  result.hidden = false;
}

/** The fees still due, as the VietQR code a bank's app pays them by. */
async function payment(amountDue: number, vietQr: string): Promise<HTMLElement> {
  const code = el('div', { class: 'vietqr' });
  code.innerHTML = await QRCode.toString(vietQr, { type: 'svg', margin: 2 });
  const amount = `${amountDue.toLocaleString('vi-VN')} đồng`;
  return el('section', {}, el('h3', {}, t('lookup.pay')), el('p', {}, amount), code);
}

/** The signed result: who signed and when, and its PDF with the look-up's four digits. */
function signedResult(signed: SignedResultView, phoneLast4: string): HTMLElement {
  const href = `${signed.downloadPath}?phoneLast4=${encodeURIComponent(phoneLast4)}`;
  return signedResultSection(signed, el('a', { href, download: '' }, t('signed.download')));
}

/** The citizen who is told of each turn may stop it here, with the same code and digits. */
function notifications(progress: Progress): HTMLElement {
  const stop = el(
    'button',
    { type: 'button', class: 'stop-notifications' },
    t('lookup.stopNotifications'),
  );
  const section = el(
    'section',
    { class: 'notifications' },
    el('p', {}, t('lookup.notified')),
    stop,
  );
  stop.addEventListener('click', async () => {
    try {
      await graphql(
        `
          mutation ($code: String!, $phoneLast4: String!) {
            stopNotifications(code: $code, phoneLast4: $phoneLast4)
          }
        `,
        { code: progress.code, phoneLast4: progress.phoneLast4 },
      );
      shown = { ...progress, notified: false };
      section.replaceChildren(el('p', { role: 'status' }, t('lookup.notificationsStopped')));
    } catch (caught) {
      fail(errorText(caught, language(), t('error.network')));
    }
  });
  return section;
}
