import type { DataSource } from 'typeorm';
import { STATUS_LABELS } from './status';

/** A line of the tracking book (Form 07, sổ theo dõi hồ sơ). */
export interface TrackingBookLine {
  number: number;
  code: string;
  request: string;
  papers: number;
  applicant: string;
  address: string | null;
  phone: string | null;
  receivedAt: Date;
  appointmentAt: Date | null;
  returnedAt: Date | null;
  note: string;
}

/** The most lines one book may hold: a year of a busy commune office. */
export const MAX_BOOK_LINES = 20_000;

/**
 * The tracking book of an agency over a period: every dossier received in it, in order, with its
 * request, papers, applicant, appointment and return (the column list is unverified in
 * DOMAIN.md: these are the columns it names).
 */
export async function trackingBook(
  dataSource: DataSource,
  agencyCode: string,
  from: Date,
  to: Date,
): Promise<TrackingBookLine[]> {
  const rows = (await dataSource.query(
    `SELECT d.code, COALESCE(p.name, p.key) AS request, (SELECT COALESCE(sum((c->>'count')::int), 0) FROM jsonb_array_elements(d.components) c) AS papers,
            d.applicant, d.received_at, i.due_at, d.returned_at, d.status_code
       FROM dossier d
       JOIN process_definition p ON p.id = d.definition_id
       JOIN process_instance i ON i.id = d.instance_id
      WHERE d.agency_code = $1 AND d.received_at >= $2 AND d.received_at < $3
      ORDER BY d.received_at, d.code
      LIMIT $4`,
    [agencyCode, from, to, MAX_BOOK_LINES],
  )) as {
    code: string;
    request: string;
    papers: number;
    applicant: { name: string; address?: string; phone?: string };
    received_at: Date;
    due_at: Date | null;
    returned_at: Date | null;
    status_code: number;
  }[];
  return rows.map((row, index) => ({
    number: index + 1,
    code: row.code,
    request: row.request,
    papers: Number(row.papers),
    applicant: row.applicant.name,
    address: row.applicant.address ?? null,
    phone: row.applicant.phone ?? null,
    receivedAt: row.received_at,
    appointmentAt: row.due_at,
    returnedAt: row.returned_at,
    note: STATUS_LABELS[row.status_code],
  }));
}
