import type { Store } from '../store/store';
import { AppError } from '../errors';
import { loadPrincipal, type Principal } from './principal';
import type { IdentityProvider } from '../config';
import { externalVerifier, signingKey, verifyOwnToken } from './tokens';

/** What a request's `Authorization` header proved: an officer, or why the token was refused. */
export interface Authentication {
  principal?: Principal;
  tokenError?: AppError;
}

export type Authenticator = (header: string | undefined, now: Date) => Promise<Authentication>;

/**
 * Reads `Authorization: Bearer <token>`: a token of ours (from `login`), or, when an identity
 * provider is configured, one of its tokens, whose username claim names the officer. The
 * officer must exist and be active; their roles are loaded afresh.
 */
export async function createAuthenticator(
  store: Store,
  provider?: IdentityProvider,
): Promise<Authenticator> {
  const key = await signingKey(store);
  const external = provider ? externalVerifier(provider) : undefined;
  return async (header, now) => {
    if (!header) return {};
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) {
      return {
        tokenError: new AppError('UNAUTHENTICATED', "Send the token as 'Authorization: Bearer …'"),
      };
    }
    try {
      let principal: Principal | null;
      try {
        const { officerId } = await verifyOwnToken(token, key, now);
        principal = await loadPrincipal(store, { officerId }, now);
      } catch (error) {
        if (!external) throw error;
        const { username } = await external(token, now);
        principal = await loadPrincipal(store, { username }, now);
      }
      if (!principal) {
        throw new AppError('UNAUTHENTICATED', 'The token names no active officer');
      }
      return { principal };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { tokenError: error };
    }
  };
}
