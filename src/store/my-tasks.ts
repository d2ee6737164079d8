import type { Store } from './store';
import { TaskEntity, type TaskState } from './entities';
import { preparedQuery } from './prepared';
import { entityFromRow } from './rows';
import { inboxKeysOf, type Actor } from './task-reach';

export interface MyTaskQuery {
  state?: Extract<TaskState, 'OPEN' | 'CLAIMED'>;
  overdue?: boolean;
  dueToday?: boolean;
  claimedByMe?: boolean;
  /** Part of the dossier code or of the applicant's name, any case. */
  search?: string;
  procedureKey?: string;
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
const DUE = `COALESCE(t.due_at, 'infinity'::timestamptz)`;

type Counts = Record<
  'c_total' | 'c_open' | 'c_claimed_by_me' | 'c_due_today' | 'c_overdue',
  string
>;

export async function queryMyTasks(
  store: Store,
  actor: Actor,
  query: MyTaskQuery,
  page: { first: number; after?: { dueAt: string; seq: string }; endOfToday: Date },
): Promise<MyTaskPage> {
  const parameters: unknown[] = [actor.username, inboxKeysOf(actor), page.endOfToday];
  const filters = filtersOf(query, parameters);
  // The officer's tasks narrowed to what the counts, the filters and the order read: the window
  // and the sort then carry a few columns of each task, not whole rows; the page's rows are read
  // whole afterwards, by id.
  const counted = `SELECT t.id, t.seq, t.due_at, t.state, t.overdue, t.assignee, t.instance_id,
      count(*) FILTER (WHERE ${filters.length > 0 ? filters.join(' AND ') : 'true'}) OVER () AS c_total,
      count(*) FILTER (WHERE t.state = 'OPEN') OVER () AS c_open,
      count(*) FILTER (WHERE t.state = 'CLAIMED' AND t.assignee = $1) OVER () AS c_claimed_by_me,
      count(*) FILTER (WHERE t.due_at < $3) OVER () AS c_due_today,
      count(*) FILTER (WHERE t.overdue) OVER () AS c_overdue
    FROM task t WHERE ${VISIBLE}`;
  const pageParameters = [...parameters];
  let after = '';
  if (page.after) {
    pageParameters.push(page.after.dueAt, page.after.seq);
    after = ` AND (${DUE}, t.seq) > ($${pageParameters.length - 1}::timestamptz, $${pageParameters.length}::bigint)`;
  }
  pageParameters.push(page.first + 1);
  // One scan of the officer's own tasks (the index finds them, however many are open): the page,
  // and every count over all of them alongside each row.
  const rows = await preparedQuery<Record<string, unknown> & Counts>(
    store.manager,
    `WITH page AS (
       SELECT * FROM (${counted}) t WHERE ${['true', ...filters].join(' AND ')}${after}
        ORDER BY ${DUE}, t.seq LIMIT $${pageParameters.length})
     SELECT t.*, p.c_total, p.c_open, p.c_claimed_by_me, p.c_due_today, p.c_overdue
       FROM page p JOIN task t ON t.id = p.id
      ORDER BY ${DUE}, t.seq`,
    pageParameters,
  );
  // An empty page (past the end, or nothing matches the filter) still answers the counts.
  const [counts] =
    rows.length > 0
      ? rows
      : await preparedQuery<Counts>(store.manager, `${counted} LIMIT 1`, parameters);
  return {
    tasks: rows.slice(0, page.first).map((row) => entityFromRow(store.manager, TaskEntity, row)),
    hasNextPage: rows.length > page.first,
    totalCount: Number(counts?.c_total ?? 0),
    counts: {
      open: Number(counts?.c_open ?? 0),
      claimedByMe: Number(counts?.c_claimed_by_me ?? 0),
      dueToday: Number(counts?.c_due_today ?? 0),
      overdue: Number(counts?.c_overdue ?? 0),
    },
  };
}

/**
 * The filters over the officer's tasks, as SQL on the counted rows (`t`), their values pushed
 * onto `parameters` ($3 is the end of today). The search and the procedure read the task's
 * instance and dossier, only when asked for.
 */
function filtersOf(query: MyTaskQuery, parameters: unknown[]): string[] {
  const filters: string[] = [];
  const add = (value: unknown, sql: (n: string) => string) => {
    parameters.push(value);
    filters.push(sql(`$${parameters.length}`));
  };
  if (query.state) add(query.state, (n) => `t.state = ${n}`);
  if (query.overdue !== undefined) add(query.overdue, (n) => `t.overdue = ${n}`);
  if (query.dueToday) filters.push(`t.due_at < $3`);
  if (query.claimedByMe) filters.push(`t.state = 'CLAIMED' AND t.assignee = $1`);
  if (query.procedureKey) {
    add(
      query.procedureKey,
      (
        n,
      ) => `EXISTS (SELECT 1 FROM process_instance i JOIN process_definition d ON d.id = i.definition_id
                WHERE i.id = t.instance_id AND d.key = ${n})`,
    );
  }
  if (query.search) {
    const pattern = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    add(
      pattern,
      (
        n,
      ) => `EXISTS (SELECT 1 FROM process_instance i LEFT JOIN dossier ds ON ds.code = i.business_key
                WHERE i.id = t.instance_id
                  AND (i.business_key ILIKE ${n} OR ds.applicant->>'name' ILIKE ${n}))`,
    );
  }
  return filters;
}
