import type { MigrationInterface, QueryRunner } from 'typeorm';
import { NATIONAL_PUBLICATION } from '../src/store/national/names';

/**
 * What a province publishes for the national roll-up (logical replication, see
 * docs/operations.md#the-national-roll-up): the columns the figures read, and nothing personal.
 * The applicant, the papers, the portal's submission id, the result's number and every officer's
 * name stay in the province: the dossier goes without them, the desk's notices and the feedback
 * without their text, the rollup without its rows by receiving officer. Every row is keyed by
 * its agency or by a code or id of its own, so provinces' rows never meet in the national tables.
 *
 * Published via the partition root, so that the dossier, partitioned by month, publishes as one
 * table whatever months each side has made; without TRUNCATE, which a subscriber would apply to
 * every province's rows at once. A
 * publication costs nothing until a national database subscribes (the slot is the subscriber's).
 */
export class NationalPublication1796435000000 implements MigrationInterface {
  name = 'NationalPublication1796435000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE PUBLICATION ${NATIONAL_PUBLICATION} FOR TABLE
         agency (id, code, name, kind, parent_code),
         process_definition (id, key, version, model),
         dossier (code, agency_code, procedure_key, field, received_day, channel, received_at,
                  finished_at, outcome, appointment_at, clock_paused, overdue, late_marked,
                  processing_minutes, satisfied),
         dossier_rollup WHERE (grain <> 'officer'),
         dossier_duration_rollup,
         desk_notice (id, agency_code, procedure_key, field, number, issued_day),
         dossier_feedback (id, dossier_code, submitted_at, due_at, answered_at),
         service_index_input (agency_code, period_from, period_to, indicator, numerator, denominator)
       WITH (publish = 'insert, update, delete', publish_via_partition_root = true)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP PUBLICATION ${NATIONAL_PUBLICATION}`);
  }
}
