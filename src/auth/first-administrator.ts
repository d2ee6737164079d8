import { AppError } from '../errors';
import type { OfficerEntity } from '../store/entities';
import { agencyByCode, holdersLocked } from '../store/officers';
import type { Store } from '../store/store';
import { createAgency, createOfficer } from './officers';

export interface FirstAdministrator {
  username: string;
  fullName: string;
  password: string;
  agencyCode: string;
  /** Made with this name (and kind, `province` unless given) when the agency does not exist. */
  agencyName?: string;
  agencyKind?: string;
}

/**
 * The database's first administrator, and their agency when it is new: how a real database gets
 * the officer who then makes the others over GraphQL. Refused, changing nothing, once any
 * active officer holds `admin`. One transaction.
 */
export function createFirstAdministrator(
  store: Store,
  input: FirstAdministrator,
  now: Date,
): Promise<OfficerEntity> {
  return store.transaction(async (tx) => {
    const administrators = await holdersLocked(tx, 'admin');
    if (administrators.length > 0) {
      throw new AppError(
        'FORBIDDEN',
        `The database has an administrator already (${administrators.join(', ')}): they make other officers with createOfficer`,
      );
    }
    if (!(await agencyByCode(tx, input.agencyCode))) {
      if (!input.agencyName) {
        throw new AppError(
          'BAD_USER_INPUT',
          `No agency '${input.agencyCode}': give --agency-name to make it`,
          { field: 'agencyName' },
        );
      }
      await createAgency(tx, {
        code: input.agencyCode,
        name: input.agencyName,
        kind: input.agencyKind ?? 'province',
        now,
      });
    }
    return createOfficer(tx, {
      username: input.username,
      fullName: input.fullName,
      password: input.password,
      agencyCode: input.agencyCode,
      roles: [{ role: 'admin', kind: 'official' }],
      now,
    });
  });
}
