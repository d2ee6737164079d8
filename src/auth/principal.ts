import { principalRow } from '../store/principals';
import type { Store } from '../store/store';
import type { Actor } from '../store/task-reach';

/** Who is asking: a signed-in officer, with the roles they hold right now. */
export interface Principal {
  officerId: string;
  username: string;
  fullName: string;
  agency: {
    id: string;
    code: string;
    name: string;
    kind: string;
    dossierPrefix: string | null;
    serves: string[];
    /** The agency above it (see AgencyEntity.parentCode). */
    parentCode: string | null;
  };
  /** Roles held as an official member, and those covered as a backup during an absence. */
  roles: string[];
  /** The roles among `roles` held only as a backup for someone away now. */
  covering: string[];
}

/**
 * Roles a backup never takes over during an absence: they manage the system rather than work
 * dossiers, and an absence set by a leader must not hand them on.
 */
const NEVER_COVERED = ['admin', 'designer', 'worker'];

/**
 * Loads an officer (by id or username) with their roles at `now`: official memberships, and
 * backup memberships of a role whose official member in the same agency is away. Null for an
 * unknown or inactive officer. Roles are read on each request, so a change (an absence, a role
 * taken away) applies at once, whatever tokens are out.
 */
export async function loadPrincipal(
  store: Store,
  who: { officerId: string } | { username: string },
  now: Date,
): Promise<Principal | null> {
  const officer = await principalRow(store, who, now);
  if (!officer) return null;
  const { memberships } = officer;
  const official = memberships.filter((m) => m.kind === 'official').map((m) => m.role);
  const covering = memberships
    .filter(
      (m) =>
        m.kind === 'backup' &&
        m.someone_away &&
        !official.includes(m.role) &&
        !NEVER_COVERED.includes(m.role),
    )
    .map((m) => m.role);
  return {
    officerId: officer.id,
    username: officer.username,
    fullName: officer.full_name,
    agency: {
      id: officer.agency_id,
      code: officer.code,
      name: officer.name,
      kind: officer.kind,
      dossierPrefix: officer.dossier_prefix,
      serves: officer.serves,
      parentCode: officer.parent_code,
    },
    roles: [...official, ...covering].sort(),
    covering,
  };
}

/** The principal as the store's task queries see them. */
export function asActor(principal: Principal): Actor {
  return {
    username: principal.username,
    roles: principal.roles,
    agencyCode: principal.agency.code,
  };
}
