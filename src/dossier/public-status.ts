import { archivedInstance, archivedUserTasks } from '../store/archive-read';
import { definitionById } from '../store/definitions';
import { paidFor } from '../store/dossiers';
import type { DossierEntity } from '../store/entities';
import { completedUserTasks } from '../store/history';
import { findInstance } from '../store/instances';
import type { Store } from '../store/store';
import { agencyByCode } from '../store/officers';
import { openTasksOf } from '../store/tasks';
import { isLate } from './late';
import { statusesAllowing } from './life-cycle/machine';
import { DOSSIER_STATUS } from './life-cycle/status';
import { asciiPurpose, vietQrPayload } from './vietqr';

/** What anyone holding the receipt may know of a dossier: its progress, nothing personal. */
export interface PublicDossierStatus {
  code: string;
  procedureName: string | null;
  procedureCode: string | null;
  statusCode: number;
  receivedAt: Date;
  appointmentAt: Date | null;
  late: boolean;
  stepsDone: { name: string; at: Date }[];
  currentSteps: string[];
  /** The fees still to pay, in đồng. */
  amountDue: number;
  /** The citizen is told of each turn (by the channel they chose, not said here). */
  notified: boolean;
  /** A VietQR code's payload for them, when some are due and the agency set its account. */
  vietQr: string | null;
}

/** The dossier's progress for the citizen who proved it is theirs (see citizensDossier). */
export async function publicDossierStatus(
  store: Store,
  dossier: DossierEntity,
  now: Date,
): Promise<PublicDossierStatus> {
  const { code } = dossier;
  const [definition, live] = await Promise.all([
    definitionById(store, dossier.definitionId),
    findInstance(store, dossier.instanceId),
  ]);
  // Not live: its year was archived, and its instance and history with it.
  const instance = live ?? (await archivedInstance(store, dossier.instanceId))!;
  const completed = live
    ? await completedUserTasks(store, dossier.instanceId)
    : await archivedUserTasks(store, dossier.instanceId);
  const nameOf = (elementId: string) => definition.model.nodes[elementId]?.name ?? elementId;
  const open = instance.status === 'ACTIVE' ? await openTasksOf(store, instance.id) : [];
  const { amountDue, vietQr } = await paymentDue(store, dossier);
  return {
    code,
    procedureName: definition.name,
    procedureCode: definition.procedureCode,
    statusCode: dossier.statusCode,
    receivedAt: dossier.receivedAt,
    appointmentAt: instance.dueAt,
    late: isLate(dossier, now),
    stepsDone: completed.map((event) => ({ name: nameOf(event.elementId), at: event.at })),
    currentSteps: open.map((task) => task.name ?? nameOf(task.elementId)),
    amountDue,
    notified: dossier.notifyBy !== null,
    vietQr,
  };
}

/** What is left to pay of the dossier's fees, in đồng. */
export async function amountDueOf(store: Store, dossier: DossierEntity): Promise<number> {
  return Math.max(0, dossier.feeAmount - (await paidFor(store, dossier.code)));
}

/** The statuses in which a payment can be recorded: only those are offered a QR code. */
const PAYABLE = new Set<number>(statusesAllowing('PAY').map((status) => DOSSIER_STATUS[status]));

/**
 * What is left to pay of the dossier's fees, and the QR code to pay it to its agency's account:
 * none when the dossier takes no payment now, or when its code does not fit whole in the
 * transfer's purpose (the bank's notice could not name it).
 */
export async function paymentDue(
  store: Store,
  dossier: DossierEntity,
): Promise<{ amountDue: number; vietQr: string | null }> {
  const amountDue = await amountDueOf(store, dossier);
  if (amountDue === 0 || !PAYABLE.has(dossier.statusCode)) return { amountDue, vietQr: null };
  if (asciiPurpose(dossier.code) !== dossier.code) return { amountDue, vietQr: null };
  const agency = await agencyByCode(store, dossier.agencyCode);
  if (!agency?.payeeBankBin || !agency.payeeAccount) return { amountDue, vietQr: null };
  const vietQr = vietQrPayload({
    bankBin: agency.payeeBankBin,
    account: agency.payeeAccount,
    amount: amountDue,
    purpose: dossier.code,
  });
  return { amountDue, vietQr };
}
