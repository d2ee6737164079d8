import { randomBytes } from 'node:crypto';
import { AuthKeyEntity } from './entities';
import { preparedQuery } from './prepared';
import type { Store } from './store';

/**
 * The secret our sign-in tokens are signed with, made once (by whichever server starts first)
 * and kept in the database, so that every server process accepts every token.
 */
export async function sessionSecret(store: Store): Promise<string> {
  await preparedQuery(
    store.manager,
    `INSERT INTO auth_key (name, secret, created_at) VALUES ('session', $1, now())
     ON CONFLICT (name) DO NOTHING`,
    [randomBytes(32).toString('base64url')],
  );
  const key = await store.manager.getRepository(AuthKeyEntity).findOneByOrFail({ name: 'session' });
  return key.secret;
}
