import { timingSafeEqual } from 'node:crypto';
import express from 'express';
import { AppError } from '../errors';
import { hmacSignature } from '../jobs/hmac-signature';

/**
 * A body signed with a secret the office shares with the sender (a bank, a portal): the header
 * `X-Signature` is `sha256=` and the hex HMAC-SHA256 of the body exactly as sent. The body is
 * read raw (whatever its content type) up to `limit`; a larger one is refused with 413 before it
 * is read further (see the server's body error handler).
 */
export function rawBody(limit: string): express.RequestHandler {
  return express.raw({ type: () => true, limit });
}

/** The raw body of a request signed with `secret`; UNAUTHENTICATED when it is not. */
export function signedBody(request: express.Request, secret: string, what: string): Buffer {
  const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  if (!signedWith(secret, body, request.header('x-signature'))) {
    throw new AppError('UNAUTHENTICATED', `The ${what} is not signed with the shared secret`);
  }
  return body;
}

/** Whether `signature` is `sha256=<hex HMAC-SHA256 of body with secret>`, compared in constant time. */
export function signedWith(secret: string, body: Buffer, signature: string | undefined): boolean {
  const expected = Buffer.from(hmacSignature(secret, body));
  const given = Buffer.from(signature ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The body parsed as a JSON object; BAD_USER_INPUT naming `body` when it is not one. */
export function jsonObject(body: Buffer, what: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new AppError('BAD_USER_INPUT', `The ${what} is not JSON`, { field: 'body' });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new AppError('BAD_USER_INPUT', `The ${what} is not a JSON object`, { field: 'body' });
  return parsed as Record<string, unknown>;
}
