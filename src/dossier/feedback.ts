import { randomUUID } from 'node:crypto';
import { In, IsNull, type DataSource } from 'typeorm';
import { AppError, notFound } from '../errors';
import { officeCalendar } from '../store/calendars';
import { DossierEntity, DossierFeedbackEntity } from '../store/entities';
import { isUuid } from '../store/instances';
import { inTransaction } from '../store/transaction';
import { textInput } from './applicant';
import { DOSSIER_STATUS } from './status';

/** Feedback (PAKN) must be answered within this many working days. */
export const FEEDBACK_WORKING_DAYS = 15;
const MAX_TEXT = 5000;

const text = (value: string, field: string) => textInput(value, field, true, MAX_TEXT)!;

/** The citizen's feedback on their dossier, due for an answer 15 working days later. */
export async function submitFeedback(
  dataSource: DataSource,
  dossier: DossierEntity,
  content: string,
  now: Date,
): Promise<DossierFeedbackEntity> {
  const calendar = await officeCalendar(dataSource);
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
  await dataSource.getRepository(DossierFeedbackEntity).insert(feedback);
  return feedback;
}

/** An officer of the dossier's agency answers the feedback, once. */
export function answerFeedback(
  dataSource: DataSource,
  input: { id: string; answer: string; by: { username: string; agencyCode: string }; now: Date },
): Promise<DossierFeedbackEntity> {
  const answer = text(input.answer, 'answer');
  if (!isUuid(input.id)) throw notFound('Feedback', input.id, { field: 'id' });
  return inTransaction(dataSource, async (manager) => {
    const feedback = await manager.findOne(DossierFeedbackEntity, {
      where: { id: input.id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!feedback) throw notFound('Feedback', input.id, { field: 'id' });
    const dossier = await manager.findOneByOrFail(DossierEntity, { code: feedback.dossierCode });
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
    await manager.update(
      DossierFeedbackEntity,
      { id: feedback.id },
      { answer, answeredAt: input.now, answeredBy: input.by.username },
    );
    return feedback;
  });
}

/** The citizen rates the dossier once its processing ended: satisfied or not, once. */
export async function rateDossier(
  dataSource: DataSource,
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
  const { affected } = await dataSource
    .getRepository(DossierEntity)
    .update(
      { code: dossier.code, ratedAt: IsNull(), statusCode: In(ended) },
      { satisfied, ratedAt: now },
    );
  if (!affected) {
    const why = dossier.ratedAt ? 'was rated already' : 'is still being processed';
    throw new AppError('DOSSIER_INVALID_STATE', `Dossier '${dossier.code}' ${why}`, {
      dossierCode: dossier.code,
    });
  }
  return Object.assign(dossier, { satisfied, ratedAt: now });
}
