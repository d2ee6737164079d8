import express from 'express';
import type { Logger } from 'pino';
import type { Authenticator } from '../auth/authenticate';
import { authorize } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { AppError } from '../errors';
import { renderForm } from '../one-stop-forms/forms';
import { deskNoticeForm, dossierForm, type FormToPrint } from '../one-stop-forms/pages';
import type { PdfPrinter } from '../one-stop-forms/pdf';
import type { Store } from '../store/store';
import { sendRefusal } from './http-refusal';

/**
 * The printable forms of a dossier at `/forms/<dossier code>/<form number>` (01–06), in
 * Vietnamese with the QR code of the dossier code. They carry personal data: the officer signs
 * in with `Authorization: Bearer …` like for GraphQL, and sees their own agency's dossiers only.
 * Forms 01–05 print as they were issued (the latest of that number); 06 is the control sheet now.
 * `?format=pdf` answers the same page printed to A4 by Chromium.
 */
export function oneStopFormsRoute(options: {
  store: Store;
  authenticate: Authenticator;
  now: () => Date;
  logger: Logger;
  printer: PdfPrinter;
}): express.Router {
  const { store } = options;
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

  /** Prints a form the officer may see, once they are signed in as one who handles dossiers. */
  const print =
    (load: (request: express.Request, principal: Principal) => Promise<FormToPrint>) =>
    async (request: express.Request, response: express.Response, next: express.NextFunction) => {
      try {
        const format = formatOf(request.query.format);
        const auth = await options.authenticate(request.headers.authorization, options.now());
        // The forms carry what the dossier does: the same officers may print them.
        authorize('dossier', auth.principal, auth.tokenError);
        const form = await load(request, auth.principal!);
        await send(response, await renderForm(form.number, form.page), format, form.name);
      } catch (error) {
        sendRefusal(error, response, next);
      }
    };

  router.get(
    '/forms/desk/:id',
    print((request, principal) => deskNoticeForm(store, String(request.params.id), principal)),
  );
  router.get(
    '/forms/:code/:number',
    print((request, principal) =>
      dossierForm(store, String(request.params.code), String(request.params.number), principal),
    ),
  );
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
