import type { Store } from './store';
import { TaskEntity } from './entities';
import { preparedQuery } from './prepared';
import { entityFromRow } from './rows';

/** The officer asking about tasks: what they reach depends on their name, roles and agency. */
export interface Actor {
  username: string;
  roles: string[];
  agencyCode: string;
}

/** The actor as positional query parameters, in the order `taskReach(first)` expects them. */
export function actorParameters(actor: Actor): unknown[] {
  return [actor.username, actor.roles, actor.agencyCode];
}

/** The actor as named parameters (TypeORM's query builder), for `taskReach('named')`. */
export function actorNamedParameters(actor: Actor): Record<string, unknown> {
  return {
    reachUser: actor.username,
    reachRoles: actor.roles,
    reachCode: actor.agencyCode,
  };
}

/**
 * The one statement of which tasks an officer reaches, as SQL over `task t`, with the actor's
 * parameters starting at `$first` (or named, see actorNamedParameters). A task belongs to its
 * owner agency (`owner_agency`): the one whose code its step names (tthc:agency), else the one
 * that received the dossier (a dossier no agency received belongs to all).
 * - offered: named for the officer, or for one of their roles in its agency (a step naming no
 *   one is for anyone of its agency);
 * - overseen: the officer leads its agency (leaders reassign and delegate);
 * - inbox: what they can take or hold now; concerns: what is or was in their inbox (a task
 *   someone else took, or that ended, is news to them); reachable: what they may see and act on.
 */
export function taskReach(first: number | 'named') {
  const [user, roles, code] =
    first === 'named'
      ? [':reachUser', ':reachRoles', ':reachCode']
      : [0, 1, 2].map((k) => `$${first + k}`);
  const inAgency = `(t.owner_agency IS NULL OR t.owner_agency = ${code})`;
  const offered = `(t.candidate_users @> ARRAY[${user}]::text[] OR (${inAgency} AND (t.candidate_groups && ${roles}::text[] OR (t.candidate_groups = '{}' AND t.candidate_users = '{}'))))`;
  const overseen = `('leader' = ANY(${roles}::text[]) AND ${inAgency})`; // see leads()
  const mine = `t.assignee = ${user}`;
  return {
    offered,
    overseen,
    inbox: `(${mine} OR (t.state = 'OPEN' AND ${offered}))`,
    concerns: `(${mine} OR t.completed_by = ${user} OR ${offered})`,
    reachable: `(${mine} OR t.completed_by = ${user} OR ${offered} OR ${overseen})`,
  };
}

/**
 * `taskReach(...).reachable` over open and held tasks only, as arms that each have an index of
 * those tasks giving them in creation order: held by the officer (task_held), offered to them (the
 * inbox keys, task_inbox), of the agency they lead or of none (task_active_owner,
 * task_active_unowned and their overdue twins). No open task was completed by anyone. Its named
 * parameters: `actorNamedParameters` and `activeReachKeys`.
 */
export function activeReachArms(actor: Actor): string[] {
  const arms = ['t.assignee = :reachUser', 't.inbox_keys && :reachKeys::text[]'];
  if (leads(actor)) arms.push('t.owner_agency = :reachCode', 't.owner_agency IS NULL');
  return arms;
}

/**
 * The inbox keys `activeReachArms` looks up. A leader oversees every task of their agency or of
 * none, which holds all that is offered to their roles: only what names them is left to look up,
 * so no arm finds the agency's tasks twice.
 */
export function activeReachKeys(actor: Actor): string[] {
  return leads(actor) ? [`user:${actor.username}`] : inboxKeysOf(actor);
}

const leads = (actor: Actor) => actor.roles.includes('leader');

/**
 * The keys of what is offered to an officer, to meet the tasks' `inbox_keys` (see the InboxKeys
 * migration): the same tasks `taskReach(...).offered` finds, through one index.
 */
export function inboxKeysOf(actor: Actor): string[] {
  return [
    `user:${actor.username}`,
    ...[actor.agencyCode, '*'].flatMap((agency) => [
      `${agency}:*`,
      ...actor.roles.map((role) => `${agency}:${role}`),
    ]),
  ];
}

/**
 * Whether an officer may see a process instance (a dossier): one of their agency or of none, or
 * one with a task they reach.
 */
export async function reachesInstance(
  store: Store,
  actor: Actor,
  instanceId: string,
): Promise<boolean> {
  const [row] = await preparedQuery<{ reached: boolean }>(
    store.manager,
    `SELECT i.agency IS NULL OR i.agency = $3
            OR EXISTS (SELECT 1 FROM task t WHERE t.instance_id = i.id AND ${taskReach(1).reachable})
            AS reached
       FROM process_instance i WHERE i.id = $4`,
    [...actorParameters(actor), instanceId],
  );
  return row?.reached ?? false;
}

/** The task, if it is or was in the officer's inbox (see `concerns`); null otherwise. */
export async function taskConcerning(
  store: Store,
  actor: Actor,
  taskId: string,
): Promise<TaskEntity | null> {
  const [row] = await preparedQuery(
    store.manager,
    `SELECT t.* FROM task t JOIN process_instance i ON i.id = t.instance_id
      WHERE t.id = $4 AND ${taskReach(1).concerns}`,
    [...actorParameters(actor), taskId],
  );
  return row ? entityFromRow(store.manager, TaskEntity, row) : null;
}

/**
 * Whether an officer reaches a task of an instance or of the processes it called: a step of a
 * dossier handed on, or routed, to their agency lets them read that dossier.
 */
export async function reachesTaskUnder(
  store: Store,
  actor: Actor,
  instanceId: string,
): Promise<boolean> {
  const [row] = await preparedQuery<{ reached: boolean }>(
    store.manager,
    `WITH RECURSIVE tree AS (
       SELECT id FROM process_instance WHERE id = $4
       UNION ALL
       SELECT p.id FROM process_instance p JOIN tree ON p.parent_instance_id = tree.id
     )
     SELECT EXISTS (
       SELECT 1 FROM task t JOIN process_instance i ON i.id = t.instance_id
        WHERE t.instance_id IN (SELECT id FROM tree) AND ${taskReach(1).reachable}
     ) AS reached`,
    [...actorParameters(actor), instanceId],
  );
  return row?.reached ?? false;
}

/** How an officer reaches a task: offered to them or their roles, or overseen as its leader. */
export async function reachOfTask(
  store: Store,
  actor: Actor,
  taskId: string,
): Promise<{ offered: boolean; overseen: boolean }> {
  const { offered, overseen } = taskReach(1);
  const [row] = await preparedQuery<{ offered: boolean; overseen: boolean }>(
    store.manager,
    `SELECT ${offered} AS offered, ${overseen} AS overseen
       FROM task t JOIN process_instance i ON i.id = t.instance_id WHERE t.id = $4`,
    [...actorParameters(actor), taskId],
  );
  return row ?? { offered: false, overseen: false };
}

/**
 * Whether an officer is active (null: no such active officer) and of the agency that does a task
 * (any agency for a task of none).
 */
export async function officerInTaskAgency(
  store: Store,
  username: string,
  taskId: string,
): Promise<boolean | null> {
  const [row] = await preparedQuery<{ in_agency: boolean }>(
    store.manager,
    `SELECT COALESCE(t.agency, i.agency) IS NULL
            OR COALESCE(t.agency, i.agency) = a.code AS in_agency
       FROM officer o JOIN agency a ON a.id = o.agency_id,
            task t JOIN process_instance i ON i.id = t.instance_id
      WHERE o.username = $1 AND o.active AND t.id = $2`,
    [username, taskId],
  );
  return row ? row.in_agency : null;
}
