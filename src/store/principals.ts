import { preparedQuery } from './prepared';
import type { Store } from './store';

/** An active officer, their agency and their roles, as one row. */
export interface PrincipalRow {
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
}

/**
 * One round trip: the officer, their agency and their roles (with, for a role they back up,
 * whether a colleague holding it officially is away now: asked of backup roles only, as it
 * looks through the agency's officers, and this runs on every request).
 */
export async function principalRow(
  store: Store,
  who: { officerId: string } | { username: string },
  now: Date,
): Promise<PrincipalRow | undefined> {
  const [row] = await preparedQuery<PrincipalRow>(
    store.manager,
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
  );
  return row;
}
