import type { DataSource, EntityManager } from 'typeorm';
import type { Variables } from '../engine/types';
import { AppError } from '../errors';
import { officeCalendar } from '../store/calendars';
import { latestDefinition } from '../store/definitions';
import {
  DossierEntity,
  type Applicant,
  type DossierChannel,
  type ProcessDefinitionEntity,
  type ResultReturnMethod,
  type SubmittedComponent,
} from '../store/entities';
import { createInstance } from '../store/instances';
import { deliverMessages } from '../store/messages';
import { isUniqueViolation } from '../store/sql';
import { claimDossierCode } from '../store/start-instance';
import { inTransaction } from '../store/transaction';
import { nextDossierCode } from './code';
import { assessFee } from './fee';
import { issueForm, stepper } from './locked';
import { DOSSIER_STATUS } from './status';
import { holdForSupplement } from './supplement';

export interface Receiver {
  username: string;
  agency: { code: string; name: string; dossierPrefix: string | null };
}

export interface ReceiveInput {
  /** The procedure's process key. */
  procedureKey: string;
  applicant: Applicant;
  channel: DossierChannel;
  components: SubmittedComponent[];
  /** The fees due, in đồng, as the officer assessed them; absent: by the procedure's rule. */
  feeAmount?: number;
  /** The id an online portal gave the submission: receiving it again gives the same dossier. */
  submissionId?: string;
  /** What the applicant's form says, for the process. */
  variables: Variables;
  /**
   * Papers are missing: receive the dossier anyway and ask for them at once (Form 02), rather
   * than refuse with COMPONENTS_MISSING.
   */
  requestMissing?: boolean;
  /** How the citizen asked to get the result (Form 01 says it); at the desk when not said. */
  resultDelivery?: ResultReturnMethod;
}

/**
 * Receives a dossier (tiếp nhận): checks its papers against the procedure's, gives it the
 * agency's next code, starts its process under that code and issues the receipt with the
 * appointment (Form 01), all in one transaction.
 */
export async function receiveDossier(
  dataSource: DataSource,
  input: ReceiveInput,
  by: Receiver,
  now: Date,
): Promise<DossierEntity> {
  if (input.submissionId) {
    const known = await bySubmission(dataSource, input.submissionId);
    if (known) return sameAgency(known, by);
  }
  try {
    const { dossier, sent } = await inTransaction(dataSource, (manager) =>
      receiveWithin(manager, input, by, now),
    );
    await deliverMessages(dataSource, sent, now);
    return dossier;
  } catch (error) {
    // The same submission received twice at the same moment: the other reception made it.
    const known = input.submissionId && (await bySubmission(dataSource, input.submissionId));
    if (known && isUniqueViolation(error)) return sameAgency(known, by);
    throw error;
  }
}

async function receiveWithin(manager: EntityManager, input: ReceiveInput, by: Receiver, now: Date) {
  const definition = await latestDefinition(manager, input.procedureKey);
  const missing = missingComponents(definition, input.components);
  if (missing.length > 0 && !input.requestMissing) {
    throw new AppError(
      'COMPONENTS_MISSING',
      `The dossier lacks ${missing.map((name) => `'${name}'`).join(', ')}: receive it with a supplement request, or ask for them first`,
      { components: missing, field: 'components' },
    );
  }
  const feeAmount = assessFee(definition.model, input.feeAmount, input.variables, input.components);
  const calendar = await officeCalendar(manager);
  const code = await nextDossierCode(manager, by.agency, now, calendar);
  await claimDossierCode(manager, code, by.agency.code);
  const { instance, sent } = await createInstance(manager, definition, {
    businessKey: code,
    agency: by.agency.code,
    actor: by.username,
    variables: { ...input.variables, dossierCode: code },
    now,
  });
  const dossier: DossierEntity = {
    code,
    agencyCode: by.agency.code,
    instanceId: instance.id,
    definitionId: definition.id,
    procedureKey: definition.key,
    field: definition.model.field ?? '',
    receivedDay: calendar.localDate(now.toISOString()),
    applicant: input.applicant,
    channel: input.channel,
    components: input.components,
    feeAmount,
    statusCode: DOSSIER_STATUS.RECEIVED,
    submissionId: input.submissionId ?? null,
    receivedAt: now,
    receivedBy: by.username,
    finishedAt: null,
    returnedAt: null,
    returnMethod: null,
    satisfied: null,
    ratedAt: null,
    outcome: null,
    processingMinutes: null,
    resultNumber: null,
    resultElectronic: null,
    electronicCopies: 0,
    paidCashless: false,
    lateMarked: false,
    appointmentAt: instance.dueAt,
    clockPaused: instance.clockPausedAt !== null,
    overdue: instance.overdue,
  };
  await manager.query(
    `INSERT INTO dossier (code, agency_code, instance_id, definition_id, applicant, channel, components,
                          status_code, submission_id, received_at, received_by, fee_amount,
                          procedure_key, field, received_day, appointment_at, clock_paused, overdue)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
    [
      code,
      dossier.agencyCode,
      instance.id,
      definition.id,
      JSON.stringify(input.applicant),
      input.channel,
      JSON.stringify(input.components),
      dossier.statusCode,
      dossier.submissionId,
      now,
      by.username,
      feeAmount,
      dossier.procedureKey,
      dossier.field,
      dossier.receivedDay,
      dossier.appointmentAt,
      dossier.clockPaused,
      dossier.overdue,
    ],
  );
  await issueForm(manager, code, '01', by.username, now, {
    agency: by.agency.name,
    procedure: { code: definition.procedureCode, name: definition.name },
    statutoryDuration: definition.model.statutoryDuration ?? null,
    applicant: input.applicant,
    components: input.components,
    feeAmount,
    receivedAt: now.toISOString(),
    appointmentAt: instance.dueAt?.toISOString() ?? null,
    channel: input.channel,
    resultDelivery: input.resultDelivery ?? 'AT_DESK',
  });
  if (missing.length > 0) {
    await holdForSupplement(manager, dossier, stepper(manager, instance, now, sent), {
      missing,
      reason: 'Thiếu thành phần hồ sơ khi tiếp nhận',
      by: by.username,
      now,
    });
  }
  return { dossier, sent };
}

/** The required papers of the procedure that none of those handed in is named after. */
export function missingComponents(
  definition: ProcessDefinitionEntity,
  submitted: readonly SubmittedComponent[],
): string[] {
  const handedIn = new Set(submitted.map((component) => comparable(component.name)));
  return definition.model.components
    .filter((component) => !component.optional && !handedIn.has(comparable(component.name)))
    .map((component) => component.name);
}

const comparable = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase('vi');

/** A submission received again: the same dossier, if it is this agency's. */
function sameAgency(dossier: DossierEntity, by: Receiver): DossierEntity {
  if (dossier.agencyCode === by.agency.code) return dossier;
  throw new AppError(
    'BAD_USER_INPUT',
    'This online submission was received by another agency already',
    { field: 'submissionId' },
  );
}

function bySubmission(dataSource: DataSource, submissionId: string) {
  return dataSource.getRepository(DossierEntity).findOneBy({ submissionId });
}
