import { randomUUID } from 'node:crypto';
import type express from 'express';
import type { Logger } from 'pino';
import { requestScope } from '../logger';
import { requestPath } from './request-path';

/** An id a proxy or client sent that is safe to log and echo; anything else gets a new one. */
const GIVEN_ID = /^[\w.:-]{1,128}$/;

/**
 * Gives each request an id (the X-Request-Id it came with, or a new one), echoes it in the
 * response, and serves the request inside its scope so that every log line written meanwhile
 * carries it; one line a request when it is answered: method, path, status and milliseconds.
 */
export function requestLog(logger: Logger): express.RequestHandler {
  return (request, response, next) => {
    const given = request.get('x-request-id');
    const requestId = given && GIVEN_ID.test(given) ? given : randomUUID();
    response.set('x-request-id', requestId);
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        {
          requestId,
          method: request.method,
          path: requestPath(request),
          status: response.statusCode,
          ms,
        },
        'request',
      );
    });
    requestScope.run({ requestId }, next);
  };
}
