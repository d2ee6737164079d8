import { randomUUID } from 'node:crypto';
import { insertDeskNotice } from '../store/dossiers';
import type { Store } from '../store/store';
import { AppError } from '../errors';
import { officeCalendar } from '../store/calendars';
import { latestDefinition } from '../store/definitions';
import type { Applicant, DeskNoticeEntity } from '../store/entities';
import type { Receiver } from './receive';

export interface DeskNoticeInput {
  /** '02': guidance to complete the dossier; '03': the office cannot take it. */
  number: '02' | '03';
  procedureKey: string;
  applicant: Applicant;
  reason: string;
  /** The papers to add or redo (guidance only): named once, in full. */
  missing?: string[];
}

/**
 * The desk answers a citizen whose dossier it does not receive, in writing: the guidance to
 * complete it (Form 02: an office may not send a citizen away without it) or the refusal of a
 * request it cannot take (Form 03). Recorded and counted by agency, procedure and day; it is not
 * a dossier and not a supplement request of one.
 */
export async function issueDeskNotice(
  store: Store,
  input: DeskNoticeInput,
  by: Receiver,
  now: Date,
): Promise<DeskNoticeEntity> {
  const reason = input.reason.trim();
  if (reason === '') {
    throw new AppError('BAD_USER_INPUT', "'reason' must say why", { field: 'reason' });
  }
  const missing = (input.missing ?? []).map((paper) => paper.trim()).filter(Boolean);
  if (input.number === '02' && missing.length === 0) {
    throw new AppError('BAD_USER_INPUT', "'missing' must name the papers to add, in full", {
      field: 'missing',
    });
  }
  return store.transaction(async (tx) => {
    const definition = await latestDefinition(tx, input.procedureKey);
    const calendar = await officeCalendar(tx);
    const notice: DeskNoticeEntity = {
      id: randomUUID(),
      agencyCode: by.agency.code,
      procedureKey: definition.key,
      field: definition.model.field ?? '',
      number: input.number,
      applicant: input.applicant,
      content: { reason, ...(input.number === '02' && { missing }) },
      issuedBy: by.username,
      issuedAt: now,
      issuedDay: calendar.localDate(now.toISOString()),
    };
    await insertDeskNotice(tx, notice);
    return notice;
  });
}
