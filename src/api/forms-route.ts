import express from 'express';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Authenticator } from '../auth/authenticate';
import { authorize } from '../auth/policy';
import { controlSheet } from '../dossier/control-sheet';
import { FORM_TITLES, renderForm } from '../forms/forms';
import { officeCalendar } from '../store/calendars';
import { definitionById } from '../store/definitions';
import { AgencyEntity, DossierEntity, DossierFormEntity } from '../store/entities';

/**
 * The printable forms of a dossier at `/forms/<dossier code>/<form number>` (01–06), in
 * Vietnamese with the QR code of the dossier code. They carry personal data: the officer signs
 * in with `Authorization: Bearer …` like for GraphQL, and sees their own agency's dossiers only.
 * Forms 01–05 print as they were issued (the latest of that number); 06 is the control sheet now.
 */
export function formsRoute(options: {
  dataSource: DataSource;
  authenticate: Authenticator;
  now: () => Date;
  logger: Logger;
}): express.Router {
  const { dataSource } = options;
  const router = express.Router();
  const refuse = (response: express.Response, status: number, code: string, message: string) =>
    response.status(status).json({ errors: [{ message, extensions: { code } }] });

  router.get('/forms/:code/:number', async (request, response, next) => {
    try {
      const { code, number } = request.params;
      const auth = await options.authenticate(request.headers.authorization, options.now());
      if (!auth.principal) {
        refuse(
          response,
          401,
          'UNAUTHENTICATED',
          auth.tokenError?.message ?? 'Sign in to print forms',
        );
        return;
      }
      // The forms carry what the dossier does: the same officers may print them.
      try {
        authorize('dossier', auth.principal);
      } catch (error) {
        refuse(response, 403, 'FORBIDDEN', (error as Error).message);
        return;
      }
      if (!(number in FORM_TITLES)) {
        refuse(response, 404, 'NOT_FOUND', `There is no form ${number}: 01 to 06`);
        return;
      }
      const dossier = await dataSource.getRepository(DossierEntity).findOneBy({ code });
      if (!dossier) {
        refuse(response, 404, 'NOT_FOUND', `Dossier '${code}' was not found`);
        return;
      }
      if (dossier.agencyCode !== auth.principal.agency.code) {
        refuse(response, 403, 'FORBIDDEN', `Dossier '${code}' is of another agency`);
        return;
      }
      const issued =
        number === '06'
          ? undefined
          : await dataSource
              .getRepository(DossierFormEntity)
              .findOne({ where: { dossierCode: code, number }, order: { issuedAt: 'DESC' } });
      if (number !== '06' && !issued) {
        refuse(response, 404, 'NOT_FOUND', `Form ${number} was never issued for dossier '${code}'`);
        return;
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
        controlSheet:
          number === '06'
            ? await controlSheet(dataSource, dossier, await officeCalendar(dataSource))
            : undefined,
      });
      response.status(200).set('cache-control', 'no-store').type('html').send(page);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
