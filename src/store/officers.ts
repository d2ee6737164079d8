import {
  AbsenceEntity,
  AgencyEntity,
  OfficerEntity,
  RoleMembershipEntity,
  type MembershipKind,
} from './entities';
import { preparedQuery } from './prepared';
import { lockName } from './sql';
import type { Store } from './store';

export function agencyByCode(store: Store, code: string): Promise<AgencyEntity | null> {
  return store.manager.findOneBy(AgencyEntity, { code });
}

export async function insertAgency(tx: Store, agency: AgencyEntity): Promise<void> {
  await tx.manager.insert(AgencyEntity, agency);
}

/** The account an agency's fees are paid to. */
export async function setPayee(
  tx: Store,
  agencyId: string,
  payee: Pick<AgencyEntity, 'payeeBankBin' | 'payeeAccount' | 'payeeName'>,
): Promise<void> {
  await tx.manager.update(AgencyEntity, { id: agencyId }, payee);
}

export function officerByUsername(
  store: Store,
  username: string,
  which: { active?: true } = {},
): Promise<OfficerEntity | null> {
  return store.manager.findOneBy(OfficerEntity, { username, ...which });
}

/**
 * The active officers holding `role`, by username, read under a lock on the role's name held
 * to the end of the transaction: two first administrators cannot be made at once.
 */
export async function holdersLocked(tx: Store, role: string): Promise<string[]> {
  await lockName(tx.manager, `role:${role}`);
  const rows = await preparedQuery<{ username: string }>(
    tx.manager,
    `SELECT o.username FROM officer o JOIN role_membership m ON m.officer_id = o.id
      WHERE m.role = $1 AND o.active ORDER BY o.username`,
    [role],
  );
  return rows.map((row) => row.username);
}

/** A new officer and the roles they hold. */
export async function insertOfficer(
  tx: Store,
  officer: OfficerEntity,
  roles: readonly { role: string; kind: MembershipKind }[],
): Promise<void> {
  await tx.manager.insert(OfficerEntity, officer);
  if (roles.length === 0) return;
  await tx.manager.insert(
    RoleMembershipEntity,
    roles.map(({ role, kind }) => ({ officerId: officer.id, role, kind })),
  );
}

/** Gives an officer a role, or changes how they hold it. */
export async function holdRole(
  tx: Store,
  membership: { officerId: string; role: string; kind: MembershipKind },
): Promise<void> {
  await tx.manager.getRepository(RoleMembershipEntity).upsert(membership, ['officerId', 'role']);
}

/** Takes a role from an officer; answers whether they held it. */
export async function dropRole(tx: Store, officerId: string, role: string): Promise<boolean> {
  const result = await tx.manager.getRepository(RoleMembershipEntity).delete({ officerId, role });
  return (result.affected ?? 0) > 0;
}

export async function setOfficerActive(
  tx: Store,
  officerId: string,
  active: boolean,
): Promise<void> {
  await tx.manager.update(OfficerEntity, { id: officerId }, { active });
}

export async function insertAbsence(tx: Store, absence: AbsenceEntity): Promise<void> {
  await tx.manager.insert(AbsenceEntity, absence);
}

/** Agencies' names by code. */
export async function agencyNames(store: Store, codes: string[]): Promise<Map<string, string>> {
  const rows = await preparedQuery<{ code: string; name: string }>(
    store.manager,
    'SELECT code, name FROM agency WHERE code = ANY($1)',
    [codes],
  );
  return new Map(rows.map((agency) => [agency.code, agency.name]));
}

export function allAgencies(store: Store): Promise<AgencyEntity[]> {
  return store.manager.getRepository(AgencyEntity).find({ order: { code: 'ASC' } });
}

/** The ids of an agency's active officers, by username. */
export async function activeOfficerIds(store: Store, agencyCode: string): Promise<string[]> {
  const rows = await preparedQuery<{ id: string }>(
    store.manager,
    `SELECT o.id FROM officer o JOIN agency a ON a.id = o.agency_id
      WHERE a.code = $1 AND o.active ORDER BY o.username`,
    [agencyCode],
  );
  return rows.map((row) => row.id);
}
