import { randomUUID } from 'node:crypto';
import { In, IsNull } from 'typeorm';
import {
  DeskNoticeEntity,
  DossierEntity,
  DossierFeedbackEntity,
  DossierFormEntity,
  DossierPaymentEntity,
  type PaymentMethod,
} from './entities';
import { preparedQuery } from './prepared';
import { lockName, queryReturning } from './sql';
import type { Store } from './store';

export function dossierByCode(store: Store, code: string): Promise<DossierEntity | null> {
  return store.manager.getRepository(DossierEntity).findOneBy({ code });
}

/** The fields of a dossier its actions change: status, dates of its end and return, fees… */
export type DossierChanges = Partial<
  Pick<
    DossierEntity,
    | 'statusCode'
    | 'finishedAt'
    | 'returnedAt'
    | 'returnMethod'
    | 'resultNumber'
    | 'resultElectronic'
    | 'electronicCopies'
    | 'feeAmount'
    | 'paidCashless'
    | 'notifyBy'
  >
>;

export async function updateDossier(
  tx: Store,
  code: string,
  changes: DossierChanges,
): Promise<void> {
  await tx.manager.update(DossierEntity, { code }, changes);
}

/** The papers of a dossier, after the citizen brought more. */
export async function setDossierComponents(
  tx: Store,
  dossier: Pick<DossierEntity, 'code' | 'components'>,
): Promise<void> {
  await preparedQuery(tx.manager, 'UPDATE dossier SET components = $1 WHERE code = $2', [
    JSON.stringify(dossier.components),
    dossier.code,
  ]);
}

/**
 * Records a form as issued, with what it says. A new date (Form 04) or a second request for
 * papers (Form 02) marks the dossier late (766 rules): answers whether this one did.
 */
export async function recordIssuedForm(
  tx: Store,
  form: {
    dossierCode: string;
    number: '01' | '02' | '03' | '04' | '05';
    by: string;
    at: Date;
    content: Record<string, unknown>;
  },
): Promise<{ markedLate: boolean }> {
  // Plain SQL: TypeORM's deep-partial typing does not take free-form JSON.
  await preparedQuery(
    tx.manager,
    `INSERT INTO dossier_form (id, dossier_code, number, issued_at, issued_by, content)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [randomUUID(), form.dossierCode, form.number, form.at, form.by, JSON.stringify(form.content)],
  );
  if (form.number !== '04' && form.number !== '02') return { markedLate: false };
  const marked = await queryReturning<{ code: string }>(
    tx.manager,
    `UPDATE dossier SET late_marked = true
      WHERE code = $1 AND NOT late_marked
        AND ($2 = '04' OR (SELECT count(*) FROM dossier_form
                            WHERE dossier_code = $1 AND number = '02') > 1)
      RETURNING code`,
    [form.dossierCode, form.number],
  );
  return { markedLate: marked.length > 0 };
}

/** What has been paid for a dossier so far, in đồng. */
export async function paidFor(store: Store, code: string): Promise<number> {
  const paid = await store.manager
    .getRepository(DossierPaymentEntity)
    .sum('amount', { dossierCode: code });
  return paid ?? 0;
}

export async function recordDossierPayment(
  tx: Store,
  payment: {
    code: string;
    amount: number;
    method: PaymentMethod;
    by: string;
    at: Date;
    bankReference?: string;
  },
): Promise<void> {
  await tx.manager.insert(DossierPaymentEntity, {
    id: randomUUID(),
    dossierCode: payment.code,
    amount: payment.amount,
    method: payment.method,
    paidAt: payment.at,
    recordedBy: payment.by,
    bankReference: payment.bankReference ?? null,
  });
}

/**
 * The first of these codes that is a dossier's, each looked for in its day's partition (a code
 * holds its day of reception).
 */
export async function firstDossierCode(
  store: Store,
  candidates: { code: string; day: string }[],
): Promise<string | undefined> {
  if (candidates.length === 0) return undefined;
  const rows = await preparedQuery<{ code: string }>(
    store.manager,
    `SELECT c.code FROM unnest($1::varchar[], $2::date[]) WITH ORDINALITY AS c(code, day, n)
      WHERE EXISTS (SELECT 1 FROM dossier d WHERE d.code = c.code AND d.received_day = c.day)
      ORDER BY c.n LIMIT 1`,
    [candidates.map((c) => c.code), candidates.map((c) => c.day)],
  );
  return rows[0]?.code;
}

/**
 * The dossier a bank's reference was recorded for, if any, read under a lock on the reference
 * held to the end of the transaction: the same notice twice at once records one payment.
 */
export async function dossierPaidByBankReference(
  tx: Store,
  reference: string,
): Promise<string | undefined> {
  await lockName(tx.manager, `bank-reference:${reference}`);
  const found = await tx.manager.findOneBy(DossierPaymentEntity, { bankReference: reference });
  return found?.dossierCode;
}

/**
 * The citizen's rating, checked and written in one statement: a rating racing the status, or
 * another rating, loses. Answers whether it was written.
 */
export async function rateEndedDossier(
  store: Store,
  rating: { code: string; satisfied: boolean; at: Date; endedStatuses: number[] },
): Promise<boolean> {
  const { affected } = await store.manager
    .getRepository(DossierEntity)
    .update(
      { code: rating.code, ratedAt: IsNull(), statusCode: In(rating.endedStatuses) },
      { satisfied: rating.satisfied, ratedAt: rating.at },
    );
  return (affected ?? 0) > 0;
}

/**
 * The next number of a counter of dossier codes (per prefix and day), from 1. The counter row is
 * locked by the reception's transaction, so concurrent receptions take turns, and one that rolls
 * back returns its number: no gaps, no repeats.
 */
export async function nextDossierSequence(tx: Store, prefix: string, day: string): Promise<number> {
  const [{ last }] = await queryReturning<{ last: number }>(
    tx.manager,
    `INSERT INTO dossier_sequence (agency_code, day, last) VALUES ($1, $2, 1)
     ON CONFLICT (agency_code, day) DO UPDATE SET last = dossier_sequence.last + 1
     RETURNING last`,
    [prefix, day],
  );
  return last;
}

/** A new dossier's row. Plain SQL: TypeORM's deep-partial typing does not take free-form JSON. */
export async function insertDossier(tx: Store, dossier: DossierEntity): Promise<void> {
  await preparedQuery(
    tx.manager,
    `INSERT INTO dossier (code, agency_code, instance_id, definition_id, applicant, channel, components,
                          status_code, submission_id, received_at, received_by, fee_amount,
                          procedure_key, field, received_day, appointment_at, clock_paused, overdue,
                          notify_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
    [
      dossier.code,
      dossier.agencyCode,
      dossier.instanceId,
      dossier.definitionId,
      JSON.stringify(dossier.applicant),
      dossier.channel,
      JSON.stringify(dossier.components),
      dossier.statusCode,
      dossier.submissionId,
      dossier.receivedAt,
      dossier.receivedBy,
      dossier.feeAmount,
      dossier.procedureKey,
      dossier.field,
      dossier.receivedDay,
      dossier.appointmentAt,
      dossier.clockPaused,
      dossier.overdue,
      dossier.notifyBy,
    ],
  );
}

/** The dossier an online submission became, if it was received already. */
/**
 * Serializes the receptions of one online submission until the transaction ends: no unique
 * index can keep it to one dossier, as the dossier's keys hold the month of reception.
 */
export async function lockSubmission(tx: Store, submissionId: string): Promise<void> {
  await lockName(tx.manager, `submission:${submissionId}`);
}

export function dossierOfSubmission(
  store: Store,
  submissionId: string,
): Promise<DossierEntity | null> {
  return store.manager.getRepository(DossierEntity).findOneBy({ submissionId });
}

/** The feedback, row-locked until the transaction ends: it is answered once. */
export function lockFeedback(tx: Store, id: string): Promise<DossierFeedbackEntity | null> {
  return tx.manager.findOne(DossierFeedbackEntity, {
    where: { id },
    lock: { mode: 'pessimistic_write' },
  });
}

export async function insertFeedback(store: Store, feedback: DossierFeedbackEntity): Promise<void> {
  await store.manager.getRepository(DossierFeedbackEntity).insert(feedback);
}

export async function recordFeedbackAnswer(
  tx: Store,
  id: string,
  answer: Pick<DossierFeedbackEntity, 'answer' | 'answeredAt' | 'answeredBy'>,
): Promise<void> {
  await tx.manager.update(DossierFeedbackEntity, { id }, answer);
}

export async function insertDeskNotice(store: Store, notice: DeskNoticeEntity): Promise<void> {
  await store.manager.insert(DeskNoticeEntity, notice);
}

export function deskNoticeById(store: Store, id: string): Promise<DeskNoticeEntity | null> {
  return store.manager.getRepository(DeskNoticeEntity).findOneBy({ id });
}

/** The latest issue of a form of a dossier (a form may be issued again). */
export function lastIssuedForm(
  store: Store,
  dossierCode: string,
  number: string,
): Promise<DossierFormEntity | null> {
  return store.manager
    .getRepository(DossierFormEntity)
    .findOne({ where: { dossierCode, number }, order: { issuedAt: 'DESC' } });
}

/** How many times the citizen was asked for papers (Form 02 issued). */
export function supplementRequests(store: Store, dossierCode: string): Promise<number> {
  return store.manager.getRepository(DossierFormEntity).countBy({ dossierCode, number: '02' });
}

export function paymentsOf(store: Store, dossierCode: string): Promise<DossierPaymentEntity[]> {
  return store.manager
    .getRepository(DossierPaymentEntity)
    .find({ where: { dossierCode }, order: { paidAt: 'ASC' } });
}

export function feedbackOfDossier(
  store: Store,
  dossierCode: string,
): Promise<DossierFeedbackEntity[]> {
  return store.manager
    .getRepository(DossierFeedbackEntity)
    .find({ where: { dossierCode }, order: { submittedAt: 'ASC' } });
}

export function formsOf(store: Store, dossierCode: string): Promise<DossierFormEntity[]> {
  return store.manager
    .getRepository(DossierFormEntity)
    .find({ where: { dossierCode }, order: { issuedAt: 'ASC', number: 'ASC' } });
}
