import type { Store } from '../store/store';
import { trackingBookRows } from '../store/tracking-book';
import { STATUS_LABELS } from './life-cycle/status';

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
  store: Store,
  agencyCode: string,
  from: Date,
  to: Date,
): Promise<TrackingBookLine[]> {
  const rows = await trackingBookRows(store, agencyCode, from, to, MAX_BOOK_LINES);
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
