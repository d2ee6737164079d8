import type { DataSource } from 'typeorm';
import { DossierRollupEntity } from '../src/store/entities';
import { benchStoreSteps } from './store-steps';

/** The province's agencies, procedures and channels the generated dossiers spread over. */
export const AGENCIES = 200;
const PROCEDURES = 15;
const CHANNELS = ['IN_PERSON', 'ONLINE_FULL', 'ONLINE_PARTIAL', 'POSTAL', 'AT_HOME'];
/** Three years of receptions, up to today. */
export const DAYS = 1096;
/**
 * Dossiers received in the last days are still open; the rest ended three days after, within
 * their five days. One open dossier in twenty is past its appointment (its deadline timer fired
 * once it was a day late); the others are within their thirty days.
 */
const OPEN_DAYS = 20;

/**
 * What one real dossier's process leaves behind: a five-task instance worked to its end through
 * the store, its final state, its history and its tasks. The fill copies it for every dossier,
 * so that the rows per dossier and their sizes are what the engine writes.
 */
export async function recordTemplate(dataSource: DataSource): Promise<void> {
  await benchStoreSteps(dataSource, 1, 1);
  await dataSource.query(`DROP TABLE IF EXISTS bench_template_instance, bench_template_history,
                                               bench_template_task`);
  await dataSource.query(
    `CREATE TABLE bench_template_instance AS
       SELECT * FROM process_instance WHERE status = 'COMPLETED' ORDER BY started_at DESC LIMIT 1`,
  );
  await dataSource.query(
    `CREATE TABLE bench_template_history AS
       SELECT h.*, row_number() OVER (ORDER BY h.id) AS n, h.at - i.started_at AS after
         FROM history_event h JOIN bench_template_instance i ON i.id = h.instance_id`,
  );
  await dataSource.query(
    `CREATE TABLE bench_template_task AS
       SELECT t.*, row_number() OVER (ORDER BY t.seq) AS n, t.created_at - i.started_at AS after
         FROM task t JOIN bench_template_instance i ON i.id = t.instance_id`,
  );
}

/** The month partitions of the three years (the default partition would take them otherwise). */
export async function createMonths(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `SELECT ensure_month_partition(t, m::date)
       FROM unnest(ARRAY['dossier', 'history_event']::regclass[]) t,
            generate_series(date_trunc('month', current_date - $1::int), current_date, interval '1 month') m`,
    [DAYS],
  );
}

/**
 * Dossiers `first`..`last` of the province, each with its instance, history and tasks as the
 * template's (history and tasks only for the last `historyDays`: a disk's worth), received on one of the three years' days (08:00 to 17:00), written in batches
 * with the triggers on (the rollups count them), but for the task notifications no one hears.
 */
export async function fillDossiers(
  dataSource: DataSource,
  first: number,
  last: number,
  historyDays = DAYS,
) {
  // Only the dossiers of the last `historyDays` get their history and tasks.
  const recent = `${DAY} >= ${DAYS - historyDays}`;
  const statements = [
    INSTANCES,
    DOSSIERS,
    await copyOfTemplate(dataSource, 'history_event', HISTORY, recent),
    await copyOfTemplate(dataSource, 'task', TASKS, recent),
  ];
  // Checked by construction: each row's instance is written just before it.
  await dataSource.query('ALTER TABLE history_event DISABLE TRIGGER ALL');
  await dataSource.query('ALTER TABLE task DISABLE TRIGGER task_changed_notify');
  await dataSource.query('ALTER TABLE dossier DISABLE TRIGGER dossier_rollup');
  try {
    for (let from = first; from <= last; from += BATCH) {
      const to = Math.min(last, from + BATCH - 1);
      await dataSource.transaction(async (manager) => {
        for (const sql of statements) await manager.query(sql, [from, to, first, last]);
      });
    }
    for (const sql of rollUp(dataSource)) await dataSource.query(sql, [first, last]);
  } finally {
    await dataSource.query('ALTER TABLE dossier ENABLE TRIGGER dossier_rollup');
    await dataSource.query('ALTER TABLE task ENABLE TRIGGER task_changed_notify');
    await dataSource.query('ALTER TABLE history_event ENABLE TRIGGER ALL');
  }
}

/**
 * The rollups of dossiers $1..$2, summed in one statement each: the sums the rollup trigger adds
 * a dossier at a time (dossier_rollup_apply), which would make the fill several times slower.
 */
function rollUp(dataSource: DataSource): string[] {
  const measures = dataSource
    .getMetadata(DossierRollupEntity)
    .columns.filter((column) => !column.isPrimary)
    .map((column) => column.databaseName);
  const keys = 'grain, span, day, agency_code, procedure_key, field, channel, officer';
  const batch = `FROM dossier d, LATERAL dossier_measures(d) m
                 WHERE CASE WHEN d.code LIKE 'P-%' THEN substr(d.code, 3)::int END BETWEEN $1 AND $2`;
  const day = `CASE WHEN s.span = 'month' THEN date_trunc('month', m.day)::date ELSE m.day END`;
  return [
    `INSERT INTO dossier_rollup AS r (${keys}, ${measures.join(', ')})
     SELECT g.grain, s.span, ${day}, m.agency_code,
            CASE WHEN g.grain = 'procedure' THEN m.procedure_key ELSE '' END,
            CASE WHEN g.grain = 'procedure' THEN m.field ELSE '' END,
            CASE WHEN g.grain = 'procedure' THEN m.channel ELSE '' END,
            CASE WHEN g.grain = 'officer' THEN m.officer ELSE '' END,
            ${measures.map((name) => `sum(m.${name})`).join(', ')}
       ${batch.replace(
         'WHERE',
         `, (VALUES ('agency'), ('officer'), ('procedure')) AS g(grain),
                                  (VALUES ('day'), ('month')) AS s(span) WHERE`,
       )}
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
     ON CONFLICT (${keys}) DO UPDATE SET
       ${measures.map((name) => `${name} = r.${name} + EXCLUDED.${name}`).join(', ')}`,
    `INSERT INTO dossier_duration_rollup AS r (span, day, agency_code, bucket, resolved)
     SELECT s.span, ${day}, m.agency_code, duration_bucket(m.processing_minutes), count(*)
       ${batch.replace('WHERE', `, (VALUES ('day'), ('month')) AS s(span) WHERE m.resolved = 1 AND`)}
      GROUP BY 1, 2, 3, 4
     ON CONFLICT (span, day, agency_code, bucket) DO UPDATE SET resolved = r.resolved + EXCLUDED.resolved`,
  ];
}

const BATCH = 20_000;

/**
 * Dossier g's day among the three years: the dossiers $3..$4 spread over them in order, so that
 * a batch writes to one month's partitions, as a day's receptions do. Received between 08:00 and
 * 17:00; still open in the last days.
 */
const DAY = `((g - $3::int)::bigint * ${DAYS} / ($4::int - $3::int + 1))::int`;
const RECEIVED = `((current_date - ${DAYS} + ${DAY})::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh'
                  + interval '8 hours' + (g % 540) * interval '1 minute')`;
const OPEN = `(${DAY} >= ${DAYS - OPEN_DAYS})`;
const ENDED = `CASE WHEN ${OPEN} THEN NULL ELSE ${RECEIVED} + interval '3 days' END`;
const LATE = `(${OPEN} AND g % 20 = 0)`;
const APPOINTMENT = `${RECEIVED} + CASE WHEN ${OPEN} AND NOT ${LATE} THEN interval '30 days'
                                        ELSE interval '5 days' END`;

const INSTANCES = `
  INSERT INTO process_instance (id, definition_id, business_key, status, state, started_at,
                                ended_at, revision, agency, due_at)
  SELECT md5('p' || g)::uuid, t.definition_id, 'P-' || g,
         CASE WHEN ${OPEN} THEN 'ACTIVE' ELSE 'COMPLETED' END, t.state, ${RECEIVED}, ${ENDED},
         t.revision, 'agency-' || (g % ${AGENCIES}), ${APPOINTMENT}
    FROM generate_series($1::int, $2::int) g, bench_template_instance t`;

const DOSSIERS = `
  INSERT INTO dossier (code, agency_code, instance_id, definition_id, procedure_key, field,
                       received_day, applicant, channel, components, fee_amount, status_code,
                       received_at, received_by, finished_at, outcome, processing_minutes,
                       paid_cashless, result_electronic, appointment_at, overdue)
  SELECT 'P-' || g, 'agency-' || (g % ${AGENCIES}), md5('p' || g)::uuid, t.definition_id,
         'procedure-' || (g % ${PROCEDURES}),
         CASE WHEN g % ${PROCEDURES} < 3 THEN 'certification' ELSE 'civil_status' END,
         (${RECEIVED} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date,
         jsonb_build_object('kind', 'INDIVIDUAL', 'name', 'Nguyễn Văn ' || g,
                            'idNumber', lpad(g::text, 12, '0'),
                            'phone', '09' || lpad((g % 100000000)::text, 8, '0'),
                            'address', 'Thôn ' || g % 30),
         (ARRAY[${CHANNELS.map((c) => `'${c}'`).join(', ')}])[1 + g % 5],
         jsonb_build_array(jsonb_build_object('name', 'Tờ khai', 'kind', 'ORIGINAL', 'count', 1,
                                              'digitized', g % 2 = 0)),
         CASE WHEN g % 4 = 0 THEN 8000 ELSE 0 END,
         CASE WHEN ${OPEN} THEN 4 ELSE 9 END, ${RECEIVED}, 'officer-' || (g % 600), ${ENDED},
         CASE WHEN ${OPEN} THEN NULL WHEN g % 97 = 0 THEN 'LATE' WHEN g % 3 = 0 THEN 'ON_TIME'
              ELSE 'EARLY' END,
         CASE WHEN ${OPEN} THEN NULL ELSE 60 + (g::bigint * 7919) % 2400 END,
         g % 8 = 0, CASE WHEN ${OPEN} THEN NULL ELSE g % 3 = 0 END, ${APPOINTMENT},
         ${LATE} AND ${APPOINTMENT} < now() - interval '1 day'
    FROM generate_series($1::int, $2::int) g, bench_template_instance t`;

/** What differs from the template's history: an open dossier has its first half only. */
const HISTORY = {
  overrides: {
    id: null,
    instance_id: `md5('p' || g)::uuid`,
    at: `${RECEIVED} + t.after`,
    task_id: `CASE WHEN t.task_id IS NULL THEN NULL ELSE md5('t' || g || '/' || t.task_id)::uuid END`,
  },
  where: `NOT ${OPEN} OR t.n <= (SELECT count(*) / 2 FROM bench_template_history)`,
};

/** What differs from the template's tasks: an open dossier has none in this fill. */
const TASKS = {
  overrides: {
    seq: null,
    inbox_keys: null,
    owner_agency: null,
    id: `md5('t' || g || '/' || t.id)::uuid`,
    instance_id: `md5('p' || g)::uuid`,
    agency: `'agency-' || (g % ${AGENCIES})`,
    created_at: `${RECEIVED} + t.after`,
    claimed_at: `${RECEIVED} + t.after`,
    ended_at: `${RECEIVED} + t.after + (t.ended_at - t.created_at)`,
  },
  where: `NOT ${OPEN}`,
};

/**
 * An INSERT of the template's rows of `table` for dossiers $1..$2: every column as the
 * template's unless overridden (null: left to its default or trigger).
 */
async function copyOfTemplate(
  dataSource: DataSource,
  table: 'history_event' | 'task',
  copy: { overrides: Record<string, string | null>; where: string },
  recent: string,
): Promise<string> {
  const columns = (
    (await dataSource.query(
      `SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0
          AND NOT attisdropped ORDER BY attnum`,
      [table],
    )) as { attname: string }[]
  )
    .map((c) => c.attname)
    .filter((name) => copy.overrides[name] !== null);
  const values = columns.map((name) => copy.overrides[name] ?? `t.${name}`);
  return `INSERT INTO ${table} (${columns.join(', ')})
          SELECT ${values.join(', ')}
            FROM generate_series($1::int, $2::int) g, bench_template_${table === 'task' ? 'task' : 'history'} t
           WHERE (${copy.where}) AND ${recent}`;
}
