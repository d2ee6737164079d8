import { SignJWT, createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { IdentityProvider } from '../config';
import { AppError } from '../errors';
import { sessionSecret } from '../store/sessions';
import type { Store } from '../store/store';

const ISSUER = 'tthc-engine';

/** Our signing key, made by the first server that needs it and shared through the database. */
export async function signingKey(store: Store): Promise<Uint8Array> {
  return Buffer.from(await sessionSecret(store), 'base64url');
}

/** A signed token naming the officer, valid for `minutes` from `now`. */
export function issueToken(
  key: Uint8Array,
  officer: { id: string; username: string },
  now: Date,
  minutes: number,
): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ name: officer.username })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(officer.id)
    .setIssuer(ISSUER)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + minutes * 60)
    .sign(key);
}

/**
 * Tokens whose signature was already checked with a key, with the time they are good for: an
 * officer's every request carries the same token, and its signature need not be checked again.
 * Times are checked on every use.
 */
const verified = new Map<
  string,
  { key: Uint8Array; officerId: string; from: number; until: number }
>();
const VERIFIED_KEPT = 10_000;

/** The officer a token of ours names; a tampered, expired or foreign token is refused. */
export async function verifyOwnToken(
  token: string,
  key: Uint8Array,
  now: Date,
): Promise<{ officerId: string }> {
  const known = verified.get(token);
  const seconds = now.getTime() / 1000;
  if (known?.key === key && seconds >= known.from && seconds < known.until) {
    return { officerId: known.officerId };
  }
  try {
    const { payload } = await jwtVerify(token, key, {
      issuer: ISSUER,
      algorithms: ['HS256'],
      currentDate: now,
    });
    if (!payload.sub) throw new AppError('UNAUTHENTICATED', 'The token names nobody');
    if (payload.iat !== undefined && payload.exp !== undefined) {
      if (verified.size >= VERIFIED_KEPT) verified.delete(verified.keys().next().value as string);
      verified.set(token, { key, officerId: payload.sub, from: payload.iat, until: payload.exp });
    }
    return { officerId: payload.sub };
  } catch (error) {
    throw tokenError(error);
  }
}

/** Verifies tokens of the identity provider and reads the username they carry. */
export function externalVerifier(
  provider: IdentityProvider,
): (token: string, now: Date) => Promise<{ username: string }> {
  const keys = createRemoteJWKSet(new URL(provider.jwksUrl));
  return async (token, now) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: provider.issuer,
        audience: provider.audience,
        currentDate: now,
      }));
    } catch (error) {
      throw tokenError(error);
    }
    const username = payload[provider.usernameClaim];
    if (typeof username !== 'string' || username === '') {
      throw new AppError(
        'UNAUTHENTICATED',
        `The identity provider's token has no '${provider.usernameClaim}' claim`,
      );
    }
    return { username };
  };
}

function tokenError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof errors.JWTExpired)
    return new AppError('UNAUTHENTICATED', 'The token has expired: sign in again');
  return new AppError('UNAUTHENTICATED', 'The token is not valid');
}
