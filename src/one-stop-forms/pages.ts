import { asActor, type Principal } from '../auth/principal';
import { controlSheet, controlSheetHeading } from '../dossier/control-sheet';
import { dossierOfAgency } from '../dossier/of-agency';
import { paymentDue } from '../dossier/public-status';
import { AppError } from '../errors';
import { officeCalendar } from '../store/calendars';
import { definitionById, latestDefinition } from '../store/definitions';
import { deskNoticeById, lastIssuedForm } from '../store/dossiers';
import type { DossierEntity } from '../store/entities';
import { isUuid } from '../store/instances';
import { agencyByCode } from '../store/officers';
import type { Store } from '../store/store';
import { FORM_TITLES, type FormPage } from './forms';

/** A form to print: which one, and what it shows. */
export interface FormToPrint {
  number: string;
  page: FormPage;
  /** The file name it prints as, without extension. */
  name: string;
}

/** The guidance (02) or refusal (03) the desk gave without receiving a dossier: its agency's. */
export async function deskNoticeForm(
  store: Store,
  id: string,
  principal: Principal,
): Promise<FormToPrint> {
  const notice = isUuid(id) ? await deskNoticeById(store, id) : null;
  if (!notice || notice.agencyCode !== principal.agency.code) {
    throw new AppError('NOT_FOUND', `No desk notice '${id}' of your agency`, { field: 'id' });
  }
  const [agency, definition] = await Promise.all([
    agencyByCode(store, notice.agencyCode),
    latestDefinition(store, notice.procedureKey),
  ]);
  return {
    number: notice.number,
    name: `${notice.number}-${notice.id}`,
    page: {
      deskNotice: notice,
      agencyName: agency?.name ?? notice.agencyCode,
      procedureName: definition.name ?? definition.key,
      issued: notice,
    },
  };
}

/**
 * A form of a dossier the officer may see (see dossierOfAgency): as it was issued last, or the
 * control sheet (06) as it stands now.
 */
export async function dossierForm(
  store: Store,
  code: string,
  number: string,
  principal: Principal,
): Promise<FormToPrint> {
  if (!(number in FORM_TITLES)) {
    throw new AppError('NOT_FOUND', `There is no form ${number}: 01 to 06`);
  }
  const dossier = await dossierOfAgency(store, code, principal.agency.code, asActor(principal));
  const issued = number === '06' ? undefined : await lastIssuedForm(store, code, number);
  if (number !== '06' && !issued) {
    throw new AppError('NOT_FOUND', `Form ${number} was never issued for dossier '${code}'`);
  }
  const [agency, definition] = await Promise.all([
    agencyByCode(store, dossier.agencyCode),
    definitionById(store, dossier.definitionId),
  ]);
  return {
    number,
    name: `${code}-${number}`,
    page: {
      dossier,
      agencyName: agency?.name ?? dossier.agencyCode,
      procedureName: definition.name ?? definition.key,
      issued: issued ?? undefined,
      ...(number === '06' && (await sheetOf(store, dossier))),
      ...(number === '01' && (await paymentOf(store, dossier))),
    },
  };
}

/** The fees still due and their VietQR code, when some are due and the agency has an account. */
async function paymentOf(store: Store, dossier: DossierEntity) {
  const { amountDue, vietQr } = await paymentDue(store, dossier);
  return vietQr === null ? {} : { payment: { amountDue, vietQr } };
}

/** The control sheet's rows and its head (Form 06). */
async function sheetOf(store: Store, dossier: DossierEntity) {
  const rows = await controlSheet(store, dossier, await officeCalendar(store));
  return { controlSheet: rows, heading: await controlSheetHeading(store, dossier, rows) };
}
