import type { DataSource } from 'typeorm';
import { preparedQuery } from '../store/prepared';
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
  dataSource: DataSource,
  who: { officerId: string } | { username: string },
  now: Date,
): Promise<Principal | null> {
  // One round trip: the officer, their agency and their roles (with, for a role they back up,
  // whether a colleague holding it officially is away now: asked of backup roles only, as it
  // looks through the agency's officers, and this runs on every request).
  const [officer] = (await preparedQuery(
    dataSource,
    `SELECT o.id, o.username, o.full_name, a.id AS agency_id, a.code, a.name, a.kind, a.dossier_prefix, a.serves,
            a.parent_code,
            COALESCE((
              SELECT json_agg(json_build_object('role', m.role, 'kind', m.kind, 'someone_away',
                       CASE WHEN m.kind = 'backup' THEN EXISTS (
                         SELECT 1 FROM role_membership om
                           JOIN officer oo ON oo.id = om.officer_id AND oo.agency_id = o.agency_id AND oo.active
                           JOIN absence ab ON ab.officer_id = om.officer_id
                          WHERE om.role = m.role AND om.kind = 'official'
                            AND ab.starts_at <= $2 AND ab.ends_at > $2) ELSE false END) ORDER BY m.role)
                FROM role_membership m WHERE m.officer_id = o.id), '[]') AS memberships
       FROM officer o JOIN agency a ON a.id = o.agency_id
      WHERE o.active AND ${'officerId' in who ? 'o.id = $1' : 'o.username = $1'}`,
    ['officerId' in who ? who.officerId : who.username, now],
  )) as {
    id: string;
    username: string;
    full_name: string;
    agency_id: string;
    code: string;
    name: string;
    kind: string;
    dossier_prefix: string | null;
    serves: string[];
    parent_code: string | null;
    memberships: { role: string; kind: 'official' | 'backup'; someone_away: boolean }[];
  }[];
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
