import type { EntityManager } from 'typeorm';
import { AppError } from '../errors';
import { lockName } from './sql';
import type { Store } from './store';

/** What archiving moved. */
export interface ArchiveReport {
  /** The live tables hold nothing received or begun before this day (the office's). */
  before: string;
  partitions: string[];
  instances: number;
  tasks: number;
  incidents: number;
}

/** How many ended instances move in one transaction. */
const BATCH = 5_000;

/**
 * Moves every year up to `through` to the archive schema: the month partitions of dossiers and
 * history are detached and attached to the archive's tables (no row is copied), then the ended
 * instances of those years move with their tasks and incidents, a batch per transaction. The
 * citizen's look-up and the tracking book read the archive too (archive-read.ts); the figures
 * of those years stay in the rollups. Refused while an instance begun in those years runs: its
 * dossier and history must stay where its steps write them.
 */
export async function archiveYears(
  store: Store,
  through: number,
  now: Date,
): Promise<ArchiveReport> {
  const before = `${through + 1}-01-01`;
  const partitions = await store.transaction(async (tx) => {
    await lockName(tx.manager, 'tthc:archive');
    await refuseUnlessPast(tx.manager, before, now);
    await refuseRunning(tx.manager, before);
    await emptyDefaults(tx.manager, before);
    for (const table of ['dossier', 'history_event', 'process_instance', 'task', 'incident'])
      await addMissingColumns(tx.manager, `public.${table}`, `archive.${table}`);
    const moved = [
      ...(await detachMonths(tx.manager, 'dossier', `upper::date <= $1::date`, before)),
      ...(await detachMonths(
        tx.manager,
        'history_event',
        `upper::timestamptz <= ($1::date::timestamp AT TIME ZONE office_time_zone())`,
        before,
      )),
    ];
    await tx.manager.query('DELETE FROM archive.cutoff');
    await tx.manager.query('INSERT INTO archive.cutoff (before) VALUES ($1)', [before]);
    return moved;
  });
  const report: ArchiveReport = { before, partitions, instances: 0, tasks: 0, incidents: 0 };
  for (;;) {
    const batch = await store.transaction((tx) => moveEndedInstances(tx.manager, before));
    report.instances += batch.instances;
    report.tasks += batch.tasks;
    report.incidents += batch.incidents;
    if (batch.instances < BATCH) return report;
  }
}

async function refuseUnlessPast(manager: EntityManager, before: string, now: Date) {
  const [{ past }] = (await manager.query(
    `SELECT $1::date <= date_trunc('year', $2::timestamptz AT TIME ZONE office_time_zone()) AS past`,
    [before, now],
  )) as { past: boolean }[];
  if (!past)
    throw new AppError('BAD_USER_INPUT', `Only past years can be archived: ${before} is not past`, {
      field: 'through',
    });
}

async function refuseRunning(manager: EntityManager, before: string) {
  const running = (await manager.query(
    `SELECT COALESCE(business_key, id::text) AS name FROM process_instance
      WHERE status = 'ACTIVE'
        AND started_at < ($1::date::timestamp AT TIME ZONE office_time_zone())
      ORDER BY started_at LIMIT 6`,
    [before],
  )) as { name: string }[];
  if (running.length > 0)
    throw new AppError(
      'INSTANCE_NOT_ACTIVE',
      `Instances begun before ${before} still run (${running
        .slice(0, 5)
        .map((r) => r.name)
        .join(', ')}${running.length > 5 ? ', …' : ''}): finish or cancel them first`,
      { field: 'through' },
    );
}

/** Rows the default partitions took for months to archive go to their months first. */
async function emptyDefaults(manager: EntityManager, before: string) {
  await manager.query(
    `SELECT ensure_month_partition('dossier', month)
       FROM (SELECT DISTINCT month_of(received_day) AS month FROM dossier_default
              WHERE received_day < $1::date) m`,
    [before],
  );
  await manager.query(
    `SELECT ensure_month_partition('history_event', month)
       FROM (SELECT DISTINCT month_of(at) AS month FROM history_event_default
              WHERE at < ($1::date::timestamp AT TIME ZONE office_time_zone())) m`,
    [before],
  );
}

/**
 * Detaches the month partitions of `table` that end by `before` and attaches them to the
 * archive's table of that name, without their foreign keys (their instances move too).
 */
async function detachMonths(
  manager: EntityManager,
  table: string,
  endsBy: string,
  before: string,
): Promise<string[]> {
  const months = (await manager.query(
    `SELECT name, bound FROM (
       SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound,
              (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \\(''([^'']+)''\\)'))[1] AS upper
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = $2::regclass) p
      WHERE upper IS NOT NULL AND ${endsBy} ORDER BY name`,
    [before, `public.${table}`],
  )) as { name: string; bound: string }[];
  for (const { name, bound } of months) {
    await manager.query(`ALTER TABLE public.${table} DETACH PARTITION public.${name}`);
    const foreignKeys = (await manager.query(
      `SELECT conname FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f'`,
      [`public.${name}`],
    )) as { conname: string }[];
    for (const { conname } of foreignKeys)
      await manager.query(`ALTER TABLE public.${name} DROP CONSTRAINT "${conname}"`);
    await manager.query(`ALTER TABLE public.${name} SET SCHEMA archive`);
    await addMissingColumns(manager, `archive.${table}`, `archive.${name}`);
    await manager.query(`ALTER TABLE archive.${table} ATTACH PARTITION archive.${name} ${bound}`);
  }
  return months.map((month) => `archive.${month.name}`);
}

/**
 * One batch of instances that ended before `before`, with no live dossier and no running child,
 * moved with their tasks and incidents, in one statement: every part of it reads the rows as
 * they were, and deleting the instances deletes their tasks and incidents after.
 */
async function moveEndedInstances(manager: EntityManager, before: string) {
  const instance = await columnList(manager, 'process_instance');
  const task = await columnList(manager, 'task');
  const incident = await columnList(manager, 'incident');
  const [moved] = (await manager.query(
    `WITH chosen AS (
       SELECT i.id FROM process_instance i
        WHERE i.status <> 'ACTIVE'
          AND i.ended_at < ($1::date::timestamp AT TIME ZONE office_time_zone())
          AND NOT EXISTS (SELECT 1 FROM dossier d WHERE d.instance_id = i.id)
          AND NOT EXISTS (SELECT 1 FROM process_instance c
                           WHERE c.parent_instance_id = i.id AND c.status = 'ACTIVE')
        ORDER BY i.ended_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED),
     tasks AS (INSERT INTO archive.task (${task}) SELECT ${task} FROM task
                WHERE instance_id IN (SELECT id FROM chosen) RETURNING 1),
     incidents AS (INSERT INTO archive.incident (${incident}) SELECT ${incident} FROM incident
                    WHERE instance_id IN (SELECT id FROM chosen) RETURNING 1),
     gone AS (DELETE FROM process_instance i USING chosen c WHERE i.id = c.id RETURNING i.*),
     kept AS (INSERT INTO archive.process_instance (${instance}) SELECT ${instance} FROM gone
              RETURNING 1)
     SELECT (SELECT count(*) FROM kept)::int AS instances,
            (SELECT count(*) FROM tasks)::int AS tasks,
            (SELECT count(*) FROM incidents)::int AS incidents`,
    [before],
  )) as { instances: number; tasks: number; incidents: number }[];
  return moved;
}

/** The columns of a live table, quoted, in order. */
async function columnList(manager: EntityManager, table: string): Promise<string> {
  const [{ list }] = (await manager.query(
    `SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) AS list FROM pg_attribute
      WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
    [`public.${table}`],
  )) as { list: string }[];
  return list;
}

/**
 * Gives `to` the columns of `from` it lacks: a migration that adds a column to a live table
 * need not remember the archive, and a partition matches the table it joins.
 */
async function addMissingColumns(manager: EntityManager, from: string, to: string) {
  const missing = (await manager.query(
    `SELECT quote_ident(f.attname) AS name, format_type(f.atttypid, f.atttypmod) AS type
       FROM pg_attribute f
      WHERE f.attrelid = $1::regclass AND f.attnum > 0 AND NOT f.attisdropped
        AND NOT EXISTS (SELECT 1 FROM pg_attribute t WHERE t.attrelid = $2::regclass
                         AND t.attname = f.attname AND NOT t.attisdropped)
      ORDER BY f.attnum`,
    [from, to],
  )) as { name: string; type: string }[];
  for (const column of missing)
    await manager.query(`ALTER TABLE ${to} ADD COLUMN ${column.name} ${column.type}`);
}
