import type { DataSource } from 'typeorm';
import type { BenchApi } from './bench-api';
import { measure, type Measurement } from './measure';

/** 100 agencies × 5 roles: the 500 role-agency pairs the open tasks spread over. */
const AGENCIES = 100;
const ROLES = ['reception', 'civil_status', 'land', 'social_affairs', 'leader'];

/**
 * Fills the store with `tasks` open tasks: instances of the five-task process, each waiting at
 * five steps, one per role, received at one of the agencies; due times spread over a month, one
 * in twenty overdue. Written in batches with every trigger on. The five-task process must be
 * deployed.
 */
export async function fillOpenTasks(dataSource: DataSource, tasks: number): Promise<Measurement> {
  const [{ id: definitionId }] = (await dataSource.query(
    `SELECT id FROM process_definition WHERE key = 'five-tasks' ORDER BY version DESC LIMIT 1`,
  )) as { id: string }[];
  const instances = Math.ceil(tasks / ROLES.length);
  const batch = 20_000;
  return measure(tasks, async () => {
    for (let first = 1; first <= instances; first += batch) {
      const last = Math.min(instances, first + batch - 1);
      await dataSource.transaction(async (manager) => {
        await manager.query(
          `INSERT INTO process_instance (id, definition_id, business_key, status, state, started_at,
                                         revision, agency)
           SELECT md5('inbox' || g)::uuid, $1, 'INBOX-' || g, 'ACTIVE', '{}'::jsonb,
                  now() - interval '1 day', 1, 'agency-' || (g % $4)
             FROM generate_series($2::int, $3::int) g`,
          [definitionId, first, last, AGENCIES],
        );
        await manager.query(
          `INSERT INTO task (id, instance_id, wait_id, element_id, candidate_groups, state, due_at,
                             overdue, created_at)
           SELECT md5('inbox' || g || '/' || r)::uuid, md5('inbox' || g)::uuid, r, 'step-' || r,
                  ARRAY[($3::text[])[r]], 'OPEN',
                  now() + ((g * 7 + r) % 720 - 36) * interval '1 hour',
                  (g * 7 + r) % 720 < 36, now() - interval '1 day'
             FROM generate_series($1::int, $2::int) g, generate_series(1, $4::int) r`,
          [first, last, ROLES, ROLES.length],
        );
      });
    }
    await dataSource.query('VACUUM ANALYZE task');
    await dataSource.query('VACUUM ANALYZE process_instance');
  });
}

const MY_TASKS = `{ myTasks(first: 50) {
  counts { open claimedByMe dueToday overdue } totalCount
  edges { node { id name elementId dueAt overdue processInstance { businessKey } } } } }`;

export interface Latency {
  count: number;
  p50: number;
  p95: number;
}

/** Milliseconds at the median and the 95th percentile of `rounds` calls, after 20 to warm up. */
async function latency(rounds: number, ask: (round: number) => Promise<void>): Promise<Latency> {
  const times: number[] = [];
  for (let i = 0; i < rounds + 20; i++) {
    const start = process.hrtime.bigint();
    await ask(i);
    if (i >= 20) times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { count: times.length, p50: at(0.5), p95: at(0.95) };
}

/** Officers of `roles`, each of another agency, signed in. */
async function officersOf(api: BenchApi, name: string, roles: string[]): Promise<string[]> {
  const officers: string[] = [];
  for (let n = 0; n < 20; n++) {
    const agency = `agency-${(n * 37) % AGENCIES}`;
    officers.push(await api.officer(`${name}.${n}`, [roles[n % roles.length]], agency));
  }
  return officers;
}

/**
 * The inbox page's query (`myTasks`, first 50, with its counts) over HTTP, `rounds` times, each
 * by an officer of another role-agency pair, made under `officerName` (once a database).
 */
export async function benchMyTasks(
  api: BenchApi,
  rounds: number,
  officerName = 'inbox',
): Promise<Latency & { inboxSize: number }> {
  const officers = await officersOf(api, officerName, ROLES);
  let inboxSize = 0;
  const measured = await latency(rounds, async (i) => {
    const { myTasks } = await api.call<{ myTasks: { totalCount: number } }>(
      officers[i % officers.length],
      MY_TASKS,
    );
    inboxSize = myTasks.totalCount;
  });
  return { ...measured, inboxSize };
}

/**
 * A leader's view of the agency's open tasks, the inbox page's second list (`tasks`, state open,
 * first 50) over HTTP: as the page asks, without the total; with it; and only the overdue ones,
 * with their total.
 */
export async function benchAgencyTasks(
  api: BenchApi,
  rounds: number,
): Promise<{ page: Latency; withTotal: Latency; overdue: Latency }> {
  const leaders = await officersOf(api, 'leader', ['leader']);
  const ask = (filter: string, fields: string) => async (i: number) => {
    await api.call(
      leaders[i % leaders.length],
      `{ tasks(first: 50, filter: { ${filter} }) { ${fields} edges { node { id elementId dueAt } } } }`,
    );
  };
  return {
    page: await latency(rounds, ask('state: OPEN', '')),
    withTotal: await latency(rounds, ask('state: OPEN', 'totalCount')),
    overdue: await latency(rounds, ask('state: OPEN, overdue: true', 'totalCount')),
  };
}
