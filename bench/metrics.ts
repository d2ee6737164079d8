import { Store } from '../src/store/store';
import type { DataSource } from 'typeorm';
import { dossierMetrics } from '../src/store/figures/dossier-metrics';
import { serviceIndex } from '../src/metrics/service-index';
import { deployBpmn } from '../src/store/deploy';
import { FIVE_TASKS } from './engine-step';
import { measure, measureRounds, type Measurement } from './measure';

/** A province: agencies, procedures, channels and officers the generated dossiers spread over. */
const AGENCIES = 200;
const PROCEDURES = 15;
const CHANNELS = ['IN_PERSON', 'ONLINE_FULL', 'ONLINE_PARTIAL', 'POSTAL', 'AT_HOME'];

/**
 * Fills the store with a province's year of dossiers (received through 2025; nine in ten
 * resolved, mostly early or on time; a third online; some with fees paid by QR), written in
 * batches with the rollup trigger on, as receptions and completions would leave them.
 */
export async function fillProvince(dataSource: DataSource, dossiers: number): Promise<Measurement> {
  const deployed = await deployBpmn(Store.of(dataSource), FIVE_TASKS, { now: new Date() });
  const definitionId = deployed.definitions[0].id;
  const batch = 50_000;
  return measure(dossiers, async () => {
    for (let first = 1; first <= dossiers; first += batch) {
      const last = Math.min(dossiers, first + batch - 1);
      await dataSource.query(
        `INSERT INTO process_instance (id, definition_id, business_key, status, state, started_at,
                                       revision, due_at, overdue)
         SELECT md5('i' || g)::uuid, $1, 'BENCH-' || g, 'ACTIVE', '{}'::jsonb,
                timestamptz '2025-01-01 08:00+07' + (g % 365) * interval '1 day',
                1, timestamptz '2025-01-04 08:00+07' + (g % 365) * interval '1 day', false
           FROM generate_series($2::int, $3::int) g`,
        [definitionId, first, last],
      );
      await dataSource.query(
        `INSERT INTO dossier (code, agency_code, instance_id, definition_id, procedure_key, field,
                              received_day, applicant, channel, components, fee_amount,
                              status_code, received_at, received_by, finished_at, outcome,
                              processing_minutes, paid_cashless, result_electronic,
                              appointment_at)
         SELECT 'BENCH-' || g, 'agency-' || (g % $4), md5('i' || g)::uuid, $1,
                'procedure-' || (g % $5), CASE WHEN g % $5 < 3 THEN 'certification' ELSE 'civil_status' END,
                date '2025-01-01' + (g % 365), '{"kind":"INDIVIDUAL","name":"Bench"}'::jsonb, ($6::text[])[1 + g % 5],
                jsonb_build_array(jsonb_build_object('name', 'Tờ khai', 'kind', 'ORIGINAL', 'count', 1,
                                  'digitized', g % 2 = 0)),
                CASE WHEN g % 4 = 0 THEN 8000 ELSE 0 END,
                CASE WHEN g % 10 = 0 THEN 4 ELSE 9 END,
                timestamptz '2025-01-01 08:00+07' + (g % 365) * interval '1 day', 'officer-' || (g % 600),
                CASE WHEN g % 10 = 0 THEN NULL
                     ELSE timestamptz '2025-01-02 08:00+07' + (g % 365) * interval '1 day' END,
                CASE WHEN g % 10 = 0 THEN NULL WHEN g % 97 = 0 THEN 'LATE'
                     WHEN g % 3 = 0 THEN 'ON_TIME' ELSE 'EARLY' END,
                CASE WHEN g % 10 = 0 THEN NULL ELSE 60 + (g::bigint * 7919) % 2400 END,
                g % 8 = 0, CASE WHEN g % 10 = 0 THEN NULL ELSE g % 3 = 0 END,
                timestamptz '2025-01-04 08:00+07' + (g % 365) * interval '1 day'
           FROM generate_series($2::int, $3::int) g`,
        [definitionId, first, last, AGENCIES, PROCEDURES, CHANNELS],
      );
    }
    // What autovacuum does in a running system: the rollups' updated rows leave dead versions.
    await dataSource.query('VACUUM ANALYZE');
  });
}

/** The queries a province dashboard and a commune leader run, `rounds` times each. */
export async function benchMetricsQueries(
  dataSource: DataSource,
  rounds: number,
): Promise<[string, Measurement][]> {
  const now = new Date('2025-12-31T10:00:00Z');
  const year = { from: '2025-01-01', to: '2025-12-31' };
  const run = (work: () => Promise<unknown>) => measureRounds(rounds, work);
  return [
    [
      'dossierMetrics: the province, a year, by agency, with p90',
      await run(() => dossierMetrics(Store.of(dataSource), year, ['AGENCY'], now, { p90: true })),
    ],
    [
      'dossierMetrics: the province, a year, by month and procedure',
      await run(() => dossierMetrics(Store.of(dataSource), year, ['MONTH', 'PROCEDURE'], now)),
    ],
    [
      'dossierMetrics: one commune, a quarter, with p90',
      await run(() =>
        dossierMetrics(
          Store.of(dataSource),
          { from: '2025-07-01', to: '2025-09-30', agencyCodes: ['agency-7'] },
          [],
          now,
          { p90: true },
        ),
      ),
    ],
    [
      'serviceIndex: one commune, a year',
      await run(() => serviceIndex(Store.of(dataSource), 'agency-7', year, now)),
    ],
    [
      'the same province by agency, counted from the dossiers (no rollup)',
      await run(() =>
        dataSource.query(
          `SELECT m.agency_code, sum(m.received), sum(m.early), sum(m.on_time), sum(m.late)
             FROM dossier d, LATERAL dossier_measures(d) m
            WHERE d.received_day BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY 1`,
        ),
      ),
    ],
  ];
}
