import { graphql } from './graphql';

/** The signed-in officer of this tab: the token lives in the tab only (sessionStorage). */
export interface Session {
  token: string;
  expiresAt: string;
  officer: { username: string; fullName: string; roles: string[] };
}

/**
 * The session of this tab, if any. Its expiry is the server's to judge (this device's clock may
 * be wrong): a call refused as UNAUTHENTICATED ends it.
 */
export function session(): Session | undefined {
  const stored = sessionStorage.getItem('session');
  return stored ? (JSON.parse(stored) as Session) : undefined;
}

export async function signIn(username: string, password: string): Promise<Session> {
  const { login } = await graphql<{ login: Session }>(
    `
      mutation ($username: String!, $password: String!) {
        login(username: $username, password: $password) {
          token
          expiresAt
          officer {
            username
            fullName
            roles
          }
        }
      }
    `,
    { username, password },
  );
  sessionStorage.setItem('session', JSON.stringify(login));
  return login;
}

export function signOut(): void {
  sessionStorage.removeItem('session');
}
