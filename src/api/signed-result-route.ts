import express from 'express';
import type { Authenticator } from '../auth/authenticate';
import { authorize } from '../auth/policy';
import { asActor } from '../auth/principal';
import { citizensDossier } from '../dossier/citizen';
import { dossierOfAgency } from '../dossier/of-agency';
import { AppError, notFound } from '../errors';
import type { ResultSigner } from '../one-stop-forms/result-signing';
import { lastSignedResult } from '../store/signed-results';
import type { Store } from '../store/store';
import { sendRefusal } from './http-refusal';
import { requiredText } from './inputs';

/**
 * The signed result of a dossier, as the leader signed it, at `/results/<code>/signed.pdf`: for
 * an officer who may see the dossier (`Authorization: Bearer …`, as for GraphQL), or for the
 * citizen with the look-up's proof (`?phoneLast4=`, the last four digits of the phone given at
 * reception; wrong pairs count against the code as in the look-up). The bytes are the signed
 * ones: any PDF reader checks the signature too.
 */
export function signedResultRoute(options: {
  store: Store;
  authenticate: Authenticator;
  now: () => Date;
  results: ResultSigner;
}): express.Router {
  const { store } = options;
  const router = express.Router();
  router.get('/results/:code/signed.pdf', async (request, response, next) => {
    try {
      const code = requiredText(String(request.params.code), 'code');
      const phoneLast4 = request.query.phoneLast4;
      const now = options.now();
      if (request.headers.authorization || phoneLast4 === undefined) {
        const auth = await options.authenticate(request.headers.authorization, now);
        authorize('dossier', auth.principal, auth.tokenError);
        const principal = auth.principal!;
        await dossierOfAgency(store, code, principal.agency.code, asActor(principal));
      } else {
        if (typeof phoneLast4 !== 'string') {
          throw new AppError('BAD_USER_INPUT', 'Give phoneLast4 once', { field: 'phoneLast4' });
        }
        await citizensDossier(store, code, phoneLast4, now);
      }
      const signed = await lastSignedResult(store, code);
      if (!signed) throw notFound('Signed result of dossier', code, { dossierCode: code });
      response
        .status(200)
        .set('cache-control', 'no-store')
        .type('pdf')
        .set('content-disposition', `attachment; filename="${code}-ket-qua.pdf"`)
        .send(signed.pdf);
    } catch (error) {
      sendRefusal(error, response, next);
    }
  });
  return router;
}
