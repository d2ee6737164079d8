import { AppError } from '../../errors';
import { DOSSIER_STATUS, statusName, type DossierStatusName } from './status';

/**
 * The dossier as one pure machine: what may happen to it in each national status, where that
 * takes it, and the form it issues. Every action on a dossier asks `transition` first; the
 * process-driven moves (the first step done, the result at the desk, the process ending) read
 * the same table when they are written as SQL (`statusesAllowing`).
 */

/** What can happen to a dossier, by an officer's action or by its process. */
export type DossierEvent =
  /** Its process's first step is done (tiếp nhận → đang giải quyết). */
  | 'STEP_DONE'
  /** The citizen is asked for papers (Form 02); the clock stops. */
  | 'REQUEST_SUPPLEMENT'
  /** The papers come; the clock runs again. */
  | 'SUBMIT_SUPPLEMENT'
  /** A financial obligation must be paid first; the clock stops. */
  | 'REQUEST_PAYMENT'
  /** A payment is recorded (fees or the obligation). */
  | 'PAY'
  /** The obligation is paid in full; the clock runs again. */
  | 'PAYMENT_COMPLETE'
  /** A new appointment with the apology (Form 04). */
  | 'EXTEND'
  /** The result reaches the one-stop desk: the dossier is judged. */
  | 'RESULT_READY'
  /** The process ended without a result. */
  | 'PROCESS_ENDED'
  /** Not received after all (Form 03). */
  | 'REFUSE'
  /** Processing stops (Form 05). */
  | 'STOP'
  /** The citizen takes the dossier back. */
  | 'WITHDRAW'
  /** The result goes to the citizen. */
  | 'RETURN';

export interface Transition {
  /** The status it leads to; absent: the status stays. */
  to?: DossierStatusName;
  /** The form it issues. */
  form?: '02' | '03' | '04' | '05';
}

const OPEN: DossierStatusName[] = [
  'RECEIVED',
  'IN_PROGRESS',
  'SUPPLEMENT_REQUESTED',
  'PAYMENT_REQUESTED',
];

/** From each status, the events it allows. A status absent from an event's row refuses it. */
export const DOSSIER_TRANSITIONS: Record<
  DossierEvent,
  Partial<Record<DossierStatusName, Transition>>
> = {
  STEP_DONE: {
    RECEIVED: { to: 'IN_PROGRESS' },
    ...stay('IN_PROGRESS', 'SUPPLEMENT_REQUESTED', 'PAYMENT_REQUESTED'),
  },
  REQUEST_SUPPLEMENT: {
    RECEIVED: { to: 'SUPPLEMENT_REQUESTED', form: '02' },
    IN_PROGRESS: { to: 'SUPPLEMENT_REQUESTED', form: '02' },
  },
  SUBMIT_SUPPLEMENT: { SUPPLEMENT_REQUESTED: { to: 'IN_PROGRESS' } },
  REQUEST_PAYMENT: {
    RECEIVED: { to: 'PAYMENT_REQUESTED' },
    IN_PROGRESS: { to: 'PAYMENT_REQUESTED' },
  },
  PAY: stay(...OPEN, 'PROCESSED'),
  PAYMENT_COMPLETE: { PAYMENT_REQUESTED: { to: 'IN_PROGRESS' } },
  EXTEND: { RECEIVED: { form: '04' }, IN_PROGRESS: { form: '04' } },
  RESULT_READY: Object.fromEntries(OPEN.map((status) => [status, { to: 'PROCESSED' }])),
  PROCESS_ENDED: Object.fromEntries(OPEN.map((status) => [status, { to: 'STOPPED' }])),
  REFUSE: {
    RECEIVED: { to: 'REFUSED', form: '03' },
    SUPPLEMENT_REQUESTED: { to: 'REFUSED', form: '03' },
  },
  STOP: {
    IN_PROGRESS: { to: 'STOPPED', form: '05' },
    SUPPLEMENT_REQUESTED: { to: 'STOPPED', form: '05' },
    PAYMENT_REQUESTED: { to: 'STOPPED', form: '05' },
  },
  WITHDRAW: Object.fromEntries(OPEN.map((status) => [status, { to: 'WITHDRAWAL_REQUESTED' }])),
  RETURN: { PROCESSED: { to: 'RETURNED' } },
};

/** What officers read when an action is refused: the action in words. */
const ACTIONS: Record<DossierEvent, string> = {
  STEP_DONE: 'moved on',
  REQUEST_SUPPLEMENT: 'sent back for papers',
  SUBMIT_SUPPLEMENT: 'given papers',
  REQUEST_PAYMENT: 'asked for a payment',
  PAY: 'paid for',
  PAYMENT_COMPLETE: 'paid in full',
  EXTEND: 'extended',
  RESULT_READY: 'given its result',
  PROCESS_ENDED: 'ended',
  REFUSE: 'refused',
  STOP: 'stopped',
  WITHDRAW: 'withdrawn',
  RETURN: 'returned',
};

/**
 * Where an event takes a dossier in this status, and the form it issues: DOSSIER_INVALID_STATE,
 * naming the status and those that allow it, when the status does not.
 */
export function transition(
  dossier: { code: string; statusCode: number },
  event: DossierEvent,
): Required<Pick<Transition, 'to'>> & Transition {
  const from = statusName(dossier.statusCode);
  const found = DOSSIER_TRANSITIONS[event][from];
  if (!found) {
    throw new AppError(
      'DOSSIER_INVALID_STATE',
      `Dossier '${dossier.code}' is ${from}: it cannot be ${ACTIONS[event]} (only when ${statusesAllowing(event).join(' or ')})`,
      { dossierCode: dossier.code, status: from },
    );
  }
  return { to: found.to ?? from, ...(found.form && { form: found.form }) };
}

/** The statuses that allow an event, in the national order. */
export function statusesAllowing(event: DossierEvent): DossierStatusName[] {
  return (Object.keys(DOSSIER_STATUS) as DossierStatusName[]).filter(
    (status) => DOSSIER_TRANSITIONS[event][status] !== undefined,
  );
}

function stay(...statuses: DossierStatusName[]): Partial<Record<DossierStatusName, Transition>> {
  return Object.fromEntries(statuses.map((status) => [status, {}]));
}

/**
 * An event that moves dossiers from some statuses to one: the codes, for SQL that applies the
 * table to a dossier row it does not read first.
 */
export function moveOf(event: DossierEvent): { from: number[]; to: number } {
  const moves = Object.entries(DOSSIER_TRANSITIONS[event]).filter(([, t]) => t.to !== undefined);
  const targets = new Set(moves.map(([, t]) => t.to));
  if (targets.size !== 1) throw new Error(`${event} does not lead to one status`);
  return {
    from: moves.map(([status]) => DOSSIER_STATUS[status as DossierStatusName]),
    to: DOSSIER_STATUS[[...targets][0]!],
  };
}
