import express from 'express';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Authenticator } from '../auth/authenticate';
import { authorize } from '../auth/policy';
import { controlSheet, controlSheetHeading } from '../dossier/control-sheet';
import { asActor } from '../auth/principal';
import { dossierOfAgency } from '../dossier/of-agency';
import { AppError } from '../errors';
import { FORM_TITLES, renderForm } from '../one-stop-forms/forms';
import type { PdfPrinter } from '../one-stop-forms/pdf';
import { officeCalendar } from '../store/calendars';
import { sendRefusal } from './http-refusal';
import { definitionById, latestDefinition } from '../store/definitions';
import {
  AgencyEntity,
  DeskNoticeEntity,
  DossierFormEntity,
  type DossierEntity,
} from '../store/entities';
import { isUuid } from '../store/instances';

/**
 * The printable forms of a dossier at `/forms/<dossier code>/<form number>` (01–06), in
 * Vietnamese with the QR code of the dossier code. They carry personal data: the officer signs
 * in with `Authorization: Bearer …` like for GraphQL, and sees their own agency's dossiers only.
 * Forms 01–05 print as they were issued (the latest of that number); 06 is the control sheet now.
 * `?format=pdf` answers the same page printed to A4 by Chromium.
 */
export function oneStopFormsRoute(options: {
  dataSource: DataSource;
  authenticate: Authenticator;
  now: () => Date;
  logger: Logger;
  printer: PdfPrinter;
}): express.Router {
  const { dataSource } = options;
  const router = express.Router();

  /** Sends a rendered page as HTML, or printed to PDF when asked. */
  const send = async (response: express.Response, page: string, format: string, name: string) => {
    response.status(200).set('cache-control', 'no-store');
    if (format === 'pdf') {
      const pdf = await options.printer.print(page);
      response.type('pdf').set('content-disposition', `inline; filename="${name}.pdf"`).send(pdf);
    } else {
      response.type('html').send(page);
    }
  };

  /** The control sheet's rows and its head (Form 06). */
  const sheetOf = async (dossier: DossierEntity) => {
    const rows = await controlSheet(dataSource, dossier, await officeCalendar(dataSource));
    return { controlSheet: rows, heading: await controlSheetHeading(dataSource, dossier, rows) };
  };

  // The guidance (02) or refusal (03) the desk gave without receiving a dossier: its agency's
  // officers print it, as they print a dossier's forms.
  router.get('/forms/desk/:id', async (request, response, next) => {
    try {
      const format = formatOf(request.query.format);
      const auth = await options.authenticate(request.headers.authorization, options.now());
      authorize('dossier', auth.principal, auth.tokenError);
      const { id } = request.params;
      const notice = isUuid(id)
        ? await dataSource.getRepository(DeskNoticeEntity).findOneBy({ id })
        : null;
      if (!notice || notice.agencyCode !== auth.principal!.agency.code) {
        throw new AppError('NOT_FOUND', `No desk notice '${id}' of your agency`, { field: 'id' });
      }
      const [agency, definition] = await Promise.all([
        dataSource.getRepository(AgencyEntity).findOneBy({ code: notice.agencyCode }),
        latestDefinition(dataSource.manager, notice.procedureKey),
      ]);
      const page = await renderForm(notice.number, {
        deskNotice: notice,
        agencyName: agency?.name ?? notice.agencyCode,
        procedureName: definition.name ?? definition.key,
        issued: notice,
      });
      await send(response, page, format, `${notice.number}-${notice.id}`);
    } catch (error) {
      sendRefusal(error, response, next);
    }
  });

  router.get('/forms/:code/:number', async (request, response, next) => {
    try {
      const { code, number } = request.params;
      const format = formatOf(request.query.format);
      const auth = await options.authenticate(request.headers.authorization, options.now());
      // The forms carry what the dossier does: the same officers may print them.
      authorize('dossier', auth.principal, auth.tokenError);
      if (!(number in FORM_TITLES)) {
        throw new AppError('NOT_FOUND', `There is no form ${number}: 01 to 06`);
      }
      const principal = auth.principal!;
      const dossier = await dossierOfAgency(
        dataSource,
        code,
        principal.agency.code,
        asActor(principal),
      );
      const issued =
        number === '06'
          ? undefined
          : await dataSource
              .getRepository(DossierFormEntity)
              .findOne({ where: { dossierCode: code, number }, order: { issuedAt: 'DESC' } });
      if (number !== '06' && !issued) {
        throw new AppError('NOT_FOUND', `Form ${number} was never issued for dossier '${code}'`);
      }
      const [agency, definition] = await Promise.all([
        dataSource.getRepository(AgencyEntity).findOneBy({ code: dossier.agencyCode }),
        definitionById(dataSource.manager, dossier.definitionId),
      ]);
      const page = await renderForm(number, {
        dossier,
        agencyName: agency?.name ?? dossier.agencyCode,
        procedureName: definition.name ?? definition.key,
        issued: issued ?? undefined,
        ...(number === '06' && (await sheetOf(dossier))),
      });
      await send(response, page, format, `${code}-${number}`);
    } catch (error) {
      sendRefusal(error, response, next);
    }
  });
  return router;
}

/** `?format=`: html (the default) or pdf. */
function formatOf(format: unknown): 'html' | 'pdf' {
  if (format === undefined || format === 'html') return 'html';
  if (format === 'pdf') return 'pdf';
  throw new AppError('BAD_USER_INPUT', `A form prints as html or pdf, not '${String(format)}'`, {
    field: 'format',
  });
}
