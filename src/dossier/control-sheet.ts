import type { DataSource } from 'typeorm';
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

interface TaskRow {
  id: string;
  name: string | null;
  element_id: string;
  agency: string | null;
  created_at: Date;
  ended_at: Date | null;
  due_at: Date | null;
  state: string;
  completed_by: string | null;
  assignee: string | null;
}

/**
 * The control sheet, written by the process itself: each step of the dossier (and of the
 * processes it called, for joint procedures) is a row — which agency, when it came, who gave it,
 * who took it and when they handed it on, and whether that was early, on time or late against
 * the step's due time (the appointment for a step without one). It starts at the desk that
 * received the dossier.
 */
export async function controlSheet(
  dataSource: DataSource,
  dossier: DossierEntity,
  calendar: WorkingCalendar,
): Promise<HandOver[]> {
  // A step got the dossier from whoever completed a step last before it began, in this process or
  // any it called (the history's order, written under the instance's lock): after parallel
  // branches, the one who finished last; the first step of a called process, from its caller.
  // Steps without a budget of their own answer to the first appointment: an extension (Form 04)
  // apologizes for lateness, it does not excuse it.
  const rows = (await dataSource.query(
    `WITH RECURSIVE instances AS (
       SELECT id FROM process_instance WHERE id = $1
       UNION ALL
       SELECT p.id FROM process_instance p JOIN instances ON p.parent_instance_id = instances.id
     )
     SELECT t.id, t.name, t.element_id, COALESCE(t.agency, i.agency) AS agency, t.created_at, t.ended_at,
            t.due_at, t.state, t.completed_by, t.assignee,
            COALESCE(
              (SELECT (f.content->>'previousAppointment')::timestamptz FROM dossier_form f
                WHERE f.dossier_code = $2 AND f.number = '04' ORDER BY f.issued_at LIMIT 1),
              root.due_at) AS appointment,
            (SELECT c.actor FROM history_event c
              WHERE c.instance_id IN (SELECT id FROM instances)
                AND c.event_type = 'ELEMENT_COMPLETED' AND c.element_type = 'userTask'
                AND c.id < started.id
              ORDER BY c.id DESC LIMIT 1) AS giver
       FROM task t
       JOIN process_instance i ON i.id = t.instance_id
       JOIN process_instance root ON root.id = $1
       JOIN history_event started
         ON started.task_id = t.id AND started.event_type = 'ELEMENT_ACTIVATED'
      WHERE t.instance_id IN (SELECT id FROM instances) AND t.state <> 'CANCELED'
      ORDER BY started.id`,
    [dossier.instanceId, dossier.code],
  )) as (TaskRow & { appointment: Date | null; giver: string | null })[];
  const handOns = await handOnsOf(
    dataSource,
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

interface HandOnRow {
  task_id: string;
  from_agency: string | null;
  to_agency: string;
  handed_by: string;
  handed_at: Date;
  reason: string;
}

/** The hand-ons of these tasks, in the order they happened, by task. */
async function handOnsOf(
  dataSource: DataSource,
  taskIds: string[],
): Promise<Map<string, HandOnRow[]>> {
  const rows = (await dataSource.query(
    `SELECT task_id, from_agency, to_agency, handed_by, handed_at, reason
       FROM task_hand_on WHERE task_id = ANY($1) ORDER BY id`,
    [taskIds],
  )) as HandOnRow[];
  const byTask = new Map<string, HandOnRow[]>();
  for (const row of rows) byTask.set(row.task_id, [...(byTask.get(row.task_id) ?? []), row]);
  return byTask;
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
  dataSource: DataSource,
  dossier: DossierEntity,
  rows: HandOver[],
): Promise<ControlSheetHeading> {
  const year = dossier.receivedDay.slice(0, 4);
  const [{ sequence }] = (await dataSource.query(
    `SELECT count(*)::int AS sequence FROM dossier
      WHERE agency_code = $1 AND received_day >= $2::date AND received_day <= $3::date
        AND (received_at, code) <= ($4, $5)`,
    [dossier.agencyCode, `${year}-01-01`, dossier.receivedDay, dossier.receivedAt, dossier.code],
  )) as { sequence: number }[];
  const codes = [...new Set(rows.map((row) => row.agency).filter((code) => code !== null))];
  const names = new Map(
    (
      (await dataSource.query('SELECT code, name FROM agency WHERE code = ANY($1)', [
        [dossier.agencyCode, ...codes],
      ])) as { code: string; name: string }[]
    ).map((agency) => [agency.code, agency.name]),
  );
  return {
    book: year,
    sequence,
    leadAgency: names.get(dossier.agencyCode) ?? dossier.agencyCode,
    cooperatingAgencies: codes
      .filter((code) => code !== dossier.agencyCode)
      .map((code) => names.get(code!) ?? code!),
  };
}
