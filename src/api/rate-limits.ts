import type express from 'express';
import { GraphQLError } from 'graphql';
import type { RateLimits } from '../config';
import { TokenBuckets } from './token-buckets';
import { userMessage } from './user-message';

/**
 * What a monitor scrapes is never limited, so that a busy client cannot blind it. The health
 * checks are served before this limit (see serveEdge); /metrics comes after it.
 */
const MONITORING = '/metrics';

const REFUSAL = 'Too many requests; wait before sending more';

/** The extensions of a refusal, as the client reads them. */
function refusalExtensions(retryAfterSeconds: number, limitedBy: 'client' | 'officer') {
  return {
    code: 'RATE_LIMITED',
    userMessage: userMessage('RATE_LIMITED', { retryAfterSeconds }),
    limitedBy,
    retryAfterSeconds,
  };
}

/**
 * Limits each client address (behind a proxy, the one it forwards when TRUST_PROXY says so): a
 * request over the limit is answered 429 with Retry-After, in GraphQL's error shape, before any
 * work. Null when the limit is off.
 */
export function clientRateLimit(limits: RateLimits): express.RequestHandler | null {
  if (!limits.perClient) return null;
  const buckets = new TokenBuckets(limits.perClient);
  return (request, response, next) => {
    if (request.path === MONITORING) return next();
    const wait = buckets.take(request.ip ?? 'unknown');
    if (wait === 0) return next();
    response
      .status(429)
      .set('retry-after', String(wait))
      .json({ errors: [{ message: REFUSAL, extensions: refusalExtensions(wait, 'client') }] });
  };
}

/**
 * Limits each signed-in officer, whichever address they come from: throws the refusal (429 with
 * Retry-After) from the request's context, before any resolver runs. Null when the limit is off.
 */
export function officerRateLimit(limits: RateLimits): ((username: string) => void) | null {
  if (!limits.perOfficer) return null;
  const buckets = new TokenBuckets(limits.perOfficer);
  return (username) => {
    const wait = buckets.take(username);
    if (wait === 0) return;
    throw new GraphQLError(REFUSAL, {
      extensions: {
        ...refusalExtensions(wait, 'officer'),
        http: { status: 429, headers: new Map([['retry-after', String(wait)]]) },
      },
    });
  };
}
