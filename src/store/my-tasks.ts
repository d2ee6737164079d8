import type { DataSource } from 'typeorm';
import { TaskEntity, type TaskState } from './entities';
import { preparedQuery } from './prepared';
import { entityFromRow } from './rows';
import { inboxKeysOf, type Actor } from './task-reach';

export interface MyTaskQuery {
  state?: Extract<TaskState, 'OPEN' | 'CLAIMED'>;
  overdue?: boolean;
}

export interface MyTaskPage {
  tasks: TaskEntity[];
  hasNextPage: boolean;
  totalCount: number;
  counts: { open: number; claimedByMe: number; dueToday: number; overdue: number };
}

/**
 * What an officer may act on: open tasks offered to them (by name, or to one of their roles in
 * their agency: the task's inbox keys meet theirs, see task-reach.ts) and tasks they hold.
 * Ordered by due time (none last), then by arrival; keyset pages on that order. $1 is the
 * officer's name, $2 their keys.
 */
const VISIBLE = `((t.state = 'OPEN' AND t.inbox_keys && $2::text[])
  OR (t.state IN ('OPEN', 'CLAIMED') AND t.assignee = $1))`;
const FROM = `task t`;
const DUE = `COALESCE(t.due_at, 'infinity'::timestamptz)`;

export async function queryMyTasks(
  dataSource: DataSource,
  actor: Actor,
  query: MyTaskQuery,
  page: { first: number; after?: { dueAt: string; seq: string }; endOfToday: Date },
): Promise<MyTaskPage> {
  const filters: string[] = [];
  const parameters: unknown[] = [actor.username, inboxKeysOf(actor)];
  if (query.state) {
    parameters.push(query.state);
    filters.push(`t.state = $${parameters.length}`);
  }
  if (query.overdue !== undefined) {
    parameters.push(query.overdue);
    filters.push(`t.overdue = $${parameters.length}`);
  }
  const where = [VISIBLE, ...filters].join(' AND ');
  const pageParameters = [...parameters];
  let after = '';
  if (page.after) {
    pageParameters.push(page.after.dueAt, page.after.seq);
    after = ` AND (${DUE}, t.seq) > ($${pageParameters.length - 1}::timestamptz, $${pageParameters.length}::bigint)`;
  }
  pageParameters.push(page.first + 1);
  const rows = await preparedQuery(
    dataSource,
    `SELECT t.* FROM ${FROM} WHERE ${where}${after} ORDER BY ${DUE}, t.seq LIMIT $${pageParameters.length}`,
    pageParameters,
  );
  // Every count over the officer's own tasks only: the index finds them, however many are open.
  const [counts] = (await preparedQuery(
    dataSource,
    `SELECT count(*) FILTER (WHERE ${filters.length > 0 ? filters.join(' AND ') : 'true'}) AS total,
            count(*) FILTER (WHERE t.state = 'OPEN') AS open,
            count(*) FILTER (WHERE t.state = 'CLAIMED' AND t.assignee = $1) AS claimed_by_me,
            count(*) FILTER (WHERE t.due_at < $${parameters.length + 1}) AS due_today,
            count(*) FILTER (WHERE t.overdue) AS overdue
       FROM ${FROM} WHERE ${VISIBLE}`,
    [...parameters, page.endOfToday],
  )) as Record<'total' | 'open' | 'claimed_by_me' | 'due_today' | 'overdue', string>[];
  return {
    tasks: rows
      .slice(0, page.first)
      .map((row) => entityFromRow(dataSource.manager, TaskEntity, row)),
    hasNextPage: rows.length > page.first,
    totalCount: Number(counts.total),
    counts: {
      open: Number(counts.open),
      claimedByMe: Number(counts.claimed_by_me),
      dueToday: Number(counts.due_today),
      overdue: Number(counts.overdue),
    },
  };
}
