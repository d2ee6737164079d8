import express from 'express';
import { receiveSubmission } from '../dossier/online-submission';
import type { Store } from '../store/store';
import { sendRefusal } from './http-refusal';
import { PaperTooLarge, SUBMISSION_BODY_LIMIT, submissionOf } from './portal-submission';
import { jsonObject, rawBody, signedBody } from './signed-body';

/**
 * `POST /portal/submissions`: an online submission (hồ sơ trực tuyến) from a public service
 * portal, signed with the secret the office shares with it (PORTAL_SUBMISSION_SECRET) like a
 * bank's notice: `X-Signature: sha256=<hex HMAC-SHA256 of the body as sent>`. The body is JSON
 * (see portal-submission.ts and docs/api/online-submissions.md). Answers 201 with the new
 * dossier's code, 200 with the same code when the submission was received before; 401 unsigned;
 * 400 malformed (naming the field); 413 too large; 404 an unknown procedure or agency; 422
 * papers the procedure requires are missing, or its fee cannot be worked out from the form.
 */
export function portalSubmissionRoute(options: {
  store: Store;
  secret: string;
  now: () => Date;
}): express.Router {
  const router = express.Router();
  router.post(
    '/portal/submissions',
    rawBody(SUBMISSION_BODY_LIMIT),
    async (request, response, next) => {
      try {
        const body = signedBody(request, options.secret, 'submission');
        const submission = submissionOf(jsonObject(body, 'submission'));
        const { dossier, received } = await receiveSubmission(
          options.store,
          submission,
          options.now(),
        );
        response.status(received ? 201 : 200).json({
          dossierCode: dossier.code,
          received,
          channel: dossier.channel,
          statusCode: dossier.statusCode,
          receivedAt: dossier.receivedAt.toISOString(),
          appointmentAt: dossier.appointmentAt?.toISOString() ?? null,
        });
      } catch (error) {
        if (error instanceof PaperTooLarge) tooLarge(error, response);
        else sendRefusal(error, response, next);
      }
    },
  );
  return router;
}

/** A paper's file over the limit: 413, in the shape of the server's other refusals. */
function tooLarge(error: PaperTooLarge, response: express.Response): void {
  response.status(413).json({
    errors: [
      {
        message: error.message,
        extensions: { code: 'PAYLOAD_TOO_LARGE', field: error.field },
      },
    ],
  });
}
