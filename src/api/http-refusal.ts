import type express from 'express';
import { AppError } from '../errors';
import { userMessage } from './user-message';

/** The refusals a page or a download answers with, as HTTP statuses. */
const HTTP_STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  RATE_LIMITED: 429,
  DOSSIER_INVALID_STATE: 409,
  // What an online submission lacks for its procedure: its papers, or the form's data for the fee.
  COMPONENTS_MISSING: 422,
  EXPRESSION_FAILED: 422,
  PDF_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
};

/**
 * Answers a refused page or download in GraphQL's error shape, with its HTTP status; anything
 * else goes on to the server's last error handler (logged, masked).
 */
export function sendRefusal(
  error: unknown,
  response: express.Response,
  next: express.NextFunction,
): void {
  if (!(error instanceof AppError) || !(error.code in HTTP_STATUS)) {
    next(error);
    return;
  }
  response.status(HTTP_STATUS[error.code]).json({
    errors: [
      {
        message: error.message,
        extensions: {
          code: error.code,
          userMessage: userMessage(error.code, error.details),
          ...error.details,
        },
      },
    ],
  });
}
