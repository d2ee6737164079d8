import { preparedQuery } from './prepared';
import type { Store } from './store';

/** A dossier as the tracking book lists it. */
export interface TrackingBookRow {
  code: string;
  request: string;
  papers: number;
  applicant: { name: string; address?: string; phone?: string };
  received_at: Date;
  due_at: Date | null;
  returned_at: Date | null;
  status_code: number;
}

/** The dossiers an agency received in a period, in the order received, at most `limit`. */
export function trackingBookRows(
  store: Store,
  agencyCode: string,
  from: Date,
  to: Date,
  limit: number,
): Promise<TrackingBookRow[]> {
  // Past years may be in the archive (see archive.ts), whose dossiers' instances move there
  // just after them.
  const arm = (schema: string, dueAt: string) =>
    `(SELECT d.code, d.definition_id, d.components, d.applicant, d.received_at, ${dueAt} AS due_at,
             d.returned_at, d.status_code
        FROM ${schema}.dossier d
       WHERE d.agency_code = $1 AND d.received_at >= $2 AND d.received_at < $3
       ORDER BY d.received_at, d.code LIMIT $4)`;
  return preparedQuery<TrackingBookRow>(
    store.manager,
    `SELECT d.code, COALESCE(p.name, p.key) AS request, (SELECT COALESCE(sum((c->>'count')::int), 0) FROM jsonb_array_elements(d.components) c) AS papers,
            d.applicant, d.received_at, d.due_at, d.returned_at, d.status_code
       FROM (${arm('public', '(SELECT due_at FROM process_instance i WHERE i.id = d.instance_id)')}
             UNION ALL
             ${arm(
               'archive',
               `(SELECT due_at FROM archive.process_instance i WHERE i.id = d.instance_id
                 UNION ALL SELECT due_at FROM process_instance i WHERE i.id = d.instance_id
                 LIMIT 1)`,
             )}) d
       JOIN process_definition p ON p.id = d.definition_id
      ORDER BY d.received_at, d.code
      LIMIT $4`,
    [agencyCode, from, to, limit],
  );
}
