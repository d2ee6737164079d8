import type { DossierEntity } from './entities';
import { preparedQuery } from './prepared';
import type { Store } from './store';

/** A step of a dossier's process, with the appointment it answers to and who gave it the dossier. */
export interface ControlSheetRow {
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
  appointment: Date | null;
  giver: string | null;
}

/**
 * The steps of a dossier's process and of every process it called, in the order they began. A
 * step got the dossier from whoever completed a step last before it began (the history's order,
 * written under the instance's lock); steps without a budget of their own answer to the first
 * appointment: an extension (Form 04) apologizes for lateness, it does not excuse it.
 */
export function controlSheetRows(
  store: Store,
  instanceId: string,
  dossierCode: string,
): Promise<ControlSheetRow[]> {
  return preparedQuery<ControlSheetRow>(
    store.manager,
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
    [instanceId, dossierCode],
  );
}

export interface HandOnRow {
  task_id: string;
  from_agency: string | null;
  to_agency: string;
  handed_by: string;
  handed_at: Date;
  reason: string;
}

/** The hand-ons of these tasks, in the order they happened, by task. */
export async function handOnsOf(
  store: Store,
  taskIds: string[],
): Promise<Map<string, HandOnRow[]>> {
  const rows = await preparedQuery<HandOnRow>(
    store.manager,
    `SELECT task_id, from_agency, to_agency, handed_by, handed_at, reason
       FROM task_hand_on WHERE task_id = ANY($1) ORDER BY id`,
    [taskIds],
  );
  const byTask = new Map<string, HandOnRow[]>();
  for (const row of rows) byTask.set(row.task_id, [...(byTask.get(row.task_id) ?? []), row]);
  return byTask;
}

/** Where a dossier stands in its agency's book for the year: its place in the order of reception. */
export async function bookSequence(store: Store, dossier: DossierEntity): Promise<number> {
  const year = dossier.receivedDay.slice(0, 4);
  const [{ sequence }] = await preparedQuery<{ sequence: number }>(
    store.manager,
    `SELECT count(*)::int AS sequence FROM dossier
      WHERE agency_code = $1 AND received_day >= $2::date AND received_day <= $3::date
        AND (received_at, code) <= ($4, $5)`,
    [dossier.agencyCode, `${year}-01-01`, dossier.receivedDay, dossier.receivedAt, dossier.code],
  );
  return sequence;
}
