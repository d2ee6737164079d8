import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../errors';
import { officeCalendar } from '../store/calendars';
import type { DossierEntity, DossierFeedbackEntity } from '../store/entities';
import {
  dossierByCode,
  insertFeedback,
  lockFeedback,
  rateEndedDossier,
  recordFeedbackAnswer,
} from '../store/dossiers';
import type { Store } from '../store/store';
import { isUuid } from '../store/instances';
import { textInput } from './applicant';
import { DOSSIER_STATUS } from './life-cycle/status';

/** Feedback (PAKN) must be answered within this many working days. */
export const FEEDBACK_WORKING_DAYS = 15;
const MAX_TEXT = 5000;

const text = (value: string, field: string) => textInput(value, field, true, MAX_TEXT)!;

/** The citizen's feedback on their dossier, due for an answer 15 working days later. */
export async function submitFeedback(
  store: Store,
  dossier: DossierEntity,
  content: string,
  now: Date,
): Promise<DossierFeedbackEntity> {
  const calendar = await officeCalendar(store);
  const feedback: DossierFeedbackEntity = {
    id: randomUUID(),
    dossierCode: dossier.code,
    content: text(content, 'content'),
    submittedAt: now,
    dueAt: new Date(calendar.addWorkingDays(now.toISOString(), FEEDBACK_WORKING_DAYS)),
    answer: null,
    answeredAt: null,
    answeredBy: null,
  };
  await insertFeedback(store, feedback);
  return feedback;
}

/** An officer of the dossier's agency answers the feedback, once. */
export function answerFeedback(
  store: Store,
  input: { id: string; answer: string; by: { username: string; agencyCode: string }; now: Date },
): Promise<DossierFeedbackEntity> {
  const answer = text(input.answer, 'answer');
  if (!isUuid(input.id)) throw notFound('Feedback', input.id, { field: 'id' });
  return store.transaction(async (tx) => {
    const feedback = await lockFeedback(tx, input.id);
    if (!feedback) throw notFound('Feedback', input.id, { field: 'id' });
    const dossier = (await dossierByCode(tx, feedback.dossierCode))!;
    if (dossier.agencyCode !== input.by.agencyCode) {
      throw new AppError('FORBIDDEN', `Feedback '${input.id}' is on another agency's dossier`, {
        field: 'id',
        dossierCode: dossier.code,
      });
    }
    if (feedback.answeredAt) {
      throw new AppError('BAD_USER_INPUT', `Feedback '${input.id}' was answered already`, {
        field: 'id',
      });
    }
    Object.assign(feedback, { answer, answeredAt: input.now, answeredBy: input.by.username });
    await recordFeedbackAnswer(tx, feedback.id, {
      answer,
      answeredAt: input.now,
      answeredBy: input.by.username,
    });
    return feedback;
  });
}

/** The citizen rates the dossier once its processing ended: satisfied or not, once. */
export async function rateDossier(
  store: Store,
  dossier: DossierEntity,
  satisfied: boolean,
  now: Date,
): Promise<DossierEntity> {
  const ended = [
    DOSSIER_STATUS.REFUSED,
    DOSSIER_STATUS.STOPPED,
    DOSSIER_STATUS.PROCESSED,
    DOSSIER_STATUS.RETURNED,
  ];
  // Checked and written in one statement: a rating racing the status, or another rating, loses.
  const rated = await rateEndedDossier(store, {
    code: dossier.code,
    satisfied,
    at: now,
    endedStatuses: ended,
  });
  if (!rated) {
    const why = dossier.ratedAt ? 'was rated already' : 'is still being processed';
    throw new AppError('DOSSIER_INVALID_STATE', `Dossier '${dossier.code}' ${why}`, {
      dossierCode: dossier.code,
    });
  }
  return Object.assign(dossier, { satisfied, ratedAt: now });
}
