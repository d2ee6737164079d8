import { bookSequence, controlSheetRows, handOnsOf } from '../store/control-sheet';
import { agencyNames } from '../store/officers';
import type { Store } from '../store/store';
import { timeliness, type Timeliness } from '../calendar/timeliness';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { DossierEntity } from '../store/entities';

/** How a step kept its time: before its due day, within it, or after. */
export type StepResult = Timeliness;

/** One hand-over of the control sheet (Form 06, phiếu kiểm soát quá trình giải quyết hồ sơ). */
export interface HandOver {
  step: string;
  agency: string | null;
  /** When the step got the dossier, and from whom. */
  receivedAt: Date;
  giver: string;
  /** Who did the step, and when they handed the dossier on (null: still there). */
  receiver: string | null;
  handedOverAt: Date | null;
  dueAt: Date | null;
  result: StepResult | null;
  /** Why the step was handed on to another agency before it was done. */
  note: string | null;
}

/**
 * The control sheet, written by the process itself: each step of the dossier (and of the
 * processes it called, for joint procedures) is a row — which agency, when it came, who gave it,
 * who took it and when they handed it on, and whether that was early, on time or late against
 * the step's due time (the appointment for a step without one). It starts at the desk that
 * received the dossier.
 */
export async function controlSheet(
  store: Store,
  dossier: DossierEntity,
  calendar: WorkingCalendar,
): Promise<HandOver[]> {
  // A step got the dossier from whoever completed a step last before it began, in this process or
  // any it called (the history's order, written under the instance's lock): after parallel
  // branches, the one who finished last; the first step of a called process, from its caller.
  // Steps without a budget of their own answer to the first appointment: an extension (Form 04)
  // apologizes for lateness, it does not excuse it.
  const rows = await controlSheetRows(store, dossier.instanceId, dossier.code);
  const handOns = await handOnsOf(
    store,
    rows.map((row) => row.id),
  );
  return rows.flatMap((row) => {
    const due = row.due_at ?? row.appointment;
    const step = row.name ?? row.element_id;
    // A step handed on to another agency is a stretch per agency: each ends when it was handed on.
    const stretches: HandOver[] = [];
    let held = {
      agency: handOns.get(row.id)?.[0]?.from_agency ?? row.agency,
      receivedAt: row.created_at,
      giver: row.giver ?? dossier.receivedBy,
    };
    for (const handOn of handOns.get(row.id) ?? []) {
      stretches.push({
        step,
        ...held,
        receiver: handOn.handed_by,
        handedOverAt: handOn.handed_at,
        dueAt: due,
        result: timeliness(handOn.handed_at, due, calendar),
        note: handOn.reason,
      });
      held = { agency: handOn.to_agency, receivedAt: handOn.handed_at, giver: handOn.handed_by };
    }
    const finished = row.state === 'COMPLETED' ? row.ended_at : null;
    stretches.push({
      step,
      ...held,
      receiver: row.completed_by ?? row.assignee,
      handedOverAt: finished,
      dueAt: due,
      result: finished ? timeliness(finished, due, calendar) : null,
      note: null,
    });
    return stretches;
  });
}

/** The head of the control sheet: where the dossier stands in the agency's book, and who works it. */
export interface ControlSheetHeading {
  /**
   * The book (quyển số) and the dossier's sequence in it: one book a year per agency, numbered in
   * the order of reception. Circular 03/2025 asks for both numbers; that a book is a calendar
   * year of the receiving agency is our reading (unverified).
   */
  book: string;
  sequence: number;
  /** The agency leading the dossier (chủ trì): the one that received it. */
  leadAgency: string;
  /** The other agencies with a step in it (phối hợp), in the order they came in. */
  cooperatingAgencies: string[];
}

export async function controlSheetHeading(
  store: Store,
  dossier: DossierEntity,
  rows: HandOver[],
): Promise<ControlSheetHeading> {
  const year = dossier.receivedDay.slice(0, 4);
  const sequence = await bookSequence(store, dossier);
  const codes = [...new Set(rows.map((row) => row.agency).filter((code) => code !== null))];
  const names = await agencyNames(store, [dossier.agencyCode, ...codes]);
  return {
    book: year,
    sequence,
    leadAgency: names.get(dossier.agencyCode) ?? dossier.agencyCode,
    cooperatingAgencies: codes
      .filter((code) => code !== dossier.agencyCode)
      .map((code) => names.get(code!) ?? code!),
  };
}
