import type { Variables } from '../engine/types';
import { AppError } from '../errors';
import { officeCalendar } from '../store/calendars';
import { latestDefinition } from '../store/definitions';
import {
  DossierEntity,
  type Applicant,
  type DossierChannel,
  type NotificationChannel,
  type ProcessDefinitionEntity,
  type ProcessInstanceEntity,
  type ResultReturnMethod,
  type SubmittedComponent,
} from '../store/entities';
import { dossierOfSubmission, insertDossier, lockSubmission } from '../store/dossiers';
import { withUnitOfWork } from '../store/pipeline/dispatch';
import type { UnitOfWork } from '../store/pipeline/unit-of-work';
import type { Store } from '../store/store';
import { claimDossierCode } from '../commands/start-process';
import { nextDossierCode } from './code';
import { assessFee } from './fee';
import { issueForm, stepper } from './locked';
import { DOSSIER_STATUS } from './life-cycle/status';
import { holdForSupplement } from './supplement';
import { notificationChoice } from './notify/choice';

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
  /** How the citizen chose to be told of each turn (SMS, Zalo, e-mail); not told when absent. */
  notifyBy?: NotificationChannel;
}

/**
 * Receives a dossier (tiếp nhận): checks its papers against the procedure's, gives it the
 * agency's next code, starts its process under that code and issues the receipt with the
 * appointment (Form 01), all in one transaction.
 */
export async function receiveDossier(
  store: Store,
  input: ReceiveInput,
  by: Receiver,
  now: Date,
): Promise<DossierEntity> {
  return (await receiveOnce(store, input, by, now)).dossier;
}

/**
 * receiveDossier, saying whether the dossier was `received` now, or is the one an online
 * submission with the same id became before. `alsoWrite` writes, in the reception's
 * transaction, what comes with a dossier received now (an online submission's files).
 */
export async function receiveOnce(
  store: Store,
  input: ReceiveInput,
  by: Receiver,
  now: Date,
  alsoWrite?: (tx: Store, dossier: DossierEntity) => Promise<void>,
): Promise<{ dossier: DossierEntity; received: boolean }> {
  return withUnitOfWork(store, now, async (unit) => {
    if (input.submissionId) {
      // Received before, or at this moment: the second reception waits for the first, then finds it.
      await lockSubmission(unit.tx, input.submissionId);
      const known = await dossierOfSubmission(unit.tx, input.submissionId);
      if (known) return { dossier: sameAgency(known, by), received: false };
    }
    const dossier = await receiveWithin(unit, input, by, now);
    await alsoWrite?.(unit.tx, dossier);
    return { dossier, received: true };
  });
}

/** A reception in its unit of work: the code, the process, the dossier's row, Form 01. */
async function receiveWithin(unit: UnitOfWork, input: ReceiveInput, by: Receiver, now: Date) {
  const { tx } = unit;
  const definition = await latestDefinition(tx, input.procedureKey);
  const missing = missingComponents(definition, input.components);
  if (missing.length > 0 && !input.requestMissing) {
    throw new AppError(
      'COMPONENTS_MISSING',
      `The dossier lacks ${missing.map((name) => `'${name}'`).join(', ')}: receive it with a supplement request, or ask for them first`,
      { components: missing, field: 'components' },
    );
  }
  const feeAmount = assessFee(definition.model, input.feeAmount, input.variables, input.components);
  const calendar = await officeCalendar(tx);
  const code = await nextDossierCode(tx, by.agency, now, calendar);
  await claimDossierCode(tx, code, by.agency.code);
  const { locked } = await unit.start(definition, {
    businessKey: code,
    agency: by.agency.code,
    actor: by.username,
    variables: { ...input.variables, dossierCode: code },
  });
  const dossier = newDossier({ code, definition, instance: locked.instance, input, by, now });
  dossier.feeAmount = feeAmount;
  dossier.receivedDay = calendar.localDate(now.toISOString());
  await insertDossier(tx, dossier);
  await issueReceipt(tx, dossier, definition, input, by);
  if (missing.length > 0) {
    await holdForSupplement(tx, dossier, stepper(unit, locked), {
      missing,
      reason: 'Thiếu thành phần hồ sơ khi tiếp nhận',
      by: by.username,
      now,
    });
  }
  return dossier;
}

/** The dossier's row as reception writes it: received (status 2), nothing done yet. */
function newDossier(from: {
  code: string;
  definition: ProcessDefinitionEntity;
  instance: ProcessInstanceEntity;
  input: ReceiveInput;
  by: Receiver;
  now: Date;
}): DossierEntity {
  const { code, definition, instance, input, by, now } = from;
  return {
    code,
    agencyCode: by.agency.code,
    instanceId: instance.id,
    definitionId: definition.id,
    procedureKey: definition.key,
    field: definition.model.field ?? '',
    receivedDay: '',
    applicant: input.applicant,
    channel: input.channel,
    components: input.components,
    feeAmount: 0,
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
    resultSigned: false,
    electronicCopies: 0,
    paidCashless: false,
    lateMarked: false,
    appointmentAt: instance.dueAt,
    clockPaused: instance.clockPausedAt !== null,
    overdue: instance.overdue,
    notifyBy: notificationChoice(input.applicant, input.notifyBy),
    portalSynced: false,
  };
}

/** Form 01: the receipt, with the appointment. */
async function issueReceipt(
  tx: Store,
  dossier: DossierEntity,
  definition: ProcessDefinitionEntity,
  input: ReceiveInput,
  by: Receiver,
): Promise<void> {
  await issueForm(tx, dossier.code, '01', by.username, dossier.receivedAt, {
    agency: by.agency.name,
    procedure: { code: definition.procedureCode, name: definition.name },
    statutoryDuration: definition.model.statutoryDuration ?? null,
    applicant: input.applicant,
    components: input.components,
    feeAmount: dossier.feeAmount,
    receivedAt: dossier.receivedAt.toISOString(),
    appointmentAt: dossier.appointmentAt?.toISOString() ?? null,
    channel: input.channel,
    resultDelivery: input.resultDelivery ?? 'AT_DESK',
  });
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
