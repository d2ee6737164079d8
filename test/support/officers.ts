import { Store } from '../../src/store/store';
import type { DataSource } from 'typeorm';
import { createAgency, createOfficer } from '../../src/auth/officers';
import { issueToken, signingKey } from '../../src/auth/tokens';
import type { MembershipKind } from '../../src/store/entities';
import { AgencyEntity } from '../../src/store/entities';

/**
 * Makes an officer of an agency (made too if it is new) and signs them in: returns their token,
 * valid for ten years of test clock.
 */
export async function seedOfficer(
  dataSource: DataSource,
  input: {
    username: string;
    roles: string[] | { role: string; kind: MembershipKind }[];
    agencyCode?: string;
    /** The kind of the agency when it is made here: a commune unless said. */
    agencyKind?: string;
    password?: string;
    now?: Date;
  },
): Promise<string> {
  const now = input.now ?? new Date();
  const agencyCode = input.agencyCode ?? 'xa-thu-nghiem';
  if (!(await dataSource.getRepository(AgencyEntity).findOneBy({ code: agencyCode }))) {
    await createAgency(Store.of(dataSource), {
      code: agencyCode,
      name: `UBND ${agencyCode}`,
      kind: input.agencyKind ?? 'commune',
      now,
    });
  }
  const officer = await createOfficer(Store.of(dataSource), {
    username: input.username,
    fullName: input.username,
    agencyCode,
    password: input.password,
    roles: input.roles.map((role) =>
      typeof role === 'string' ? { role, kind: 'official' as const } : role,
    ),
    now,
  });
  return issueToken(await signingKey(Store.of(dataSource)), officer, now, 60 * 24 * 3650);
}
