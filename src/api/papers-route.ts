import express from 'express';
import type { Authenticator } from '../auth/authenticate';
import { authorize } from '../auth/policy';
import { asActor } from '../auth/principal';
import { dossierOfAgency } from '../dossier/of-agency';
import { AppError } from '../errors';
import { paperOf } from '../store/dossier-papers';
import type { Store } from '../store/store';
import { sendRefusal } from './http-refusal';

/** Where a paper's file downloads. */
export function paperPath(dossierCode: string, position: number): string {
  return `/dossiers/${encodeURIComponent(dossierCode)}/papers/${position}`;
}

/**
 * The files of a dossier's papers at `/dossiers/<code>/papers/<position>`, byte for byte as the
 * portal sent them. They carry personal data: the officer signs in with `Authorization: Bearer …`
 * like for GraphQL, and reads the dossiers `dossier` lets them read (their agency's, or one whose
 * step reaches them). The answer is an attachment, never shown inline, with its SHA-256 as ETag.
 */
export function papersRoute(options: {
  store: Store;
  authenticate: Authenticator;
  now: () => Date;
}): express.Router {
  const router = express.Router();
  router.get('/dossiers/:code/papers/:position', async (request, response, next) => {
    try {
      const auth = await options.authenticate(request.headers.authorization, options.now());
      // The papers are part of the dossier: the same officers may read them.
      authorize('dossier', auth.principal, auth.tokenError);
      const principal = auth.principal!;
      const code = String(request.params.code);
      const position = positionOf(String(request.params.position));
      await dossierOfAgency(options.store, code, principal.agency.code, asActor(principal));
      const paper = await paperOf(options.store, code, position);
      if (!paper)
        throw new AppError('NOT_FOUND', `Dossier '${code}' has no paper's file at ${position}`, {
          dossierCode: code,
          field: 'position',
        });
      response
        .status(200)
        .set('cache-control', 'no-store')
        .set('x-content-type-options', 'nosniff')
        .set('etag', `"${paper.sha256}"`)
        .set('content-disposition', attachment(paper.fileName ?? `${code}-${position}`))
        .type(paper.contentType)
        .send(paper.content);
    } catch (error) {
      sendRefusal(error, response, next);
    }
  });
  return router;
}

function positionOf(text: string): number {
  if (!/^\d{1,3}$/.test(text))
    throw new AppError('BAD_USER_INPUT', `A paper's place is a number from 0, not '${text}'`, {
      field: 'position',
    });
  return Number(text);
}

/** An attachment's header, its name kept to safe ASCII with the full name in UTF-8 beside it. */
function attachment(name: string): string {
  const ascii = name.normalize('NFD').replace(/[^\w.-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
