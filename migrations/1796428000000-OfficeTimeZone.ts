import type { MigrationInterface, QueryRunner } from 'typeorm';
import { OFFICE_TIME_ZONE } from '../src/config';

const LITERAL = "'Asia/Ho_Chi_Minh'";

/** Rewrites every function of the schema whose text holds `from` so that it holds `to`. */
const rewriteFunctions = (from: string, to: string) => `
  DO $$ DECLARE f oid; BEGIN
    FOR f IN SELECT p.oid FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE n.nspname = current_schema() AND p.prosrc LIKE '%' || ${quote(from)} || '%'
                AND p.proname <> 'office_time_zone'
    LOOP
      EXECUTE replace(pg_get_functiondef(f), ${quote(from)}, ${quote(to)});
    END LOOP;
  END $$`;

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * The office's time zone, written out in the functions that count days (a step's day, a
 * dossier's "within the day"), becomes one function, `office_time_zone()`, holding the
 * setting (src/config.ts) as it was when migrated.
 */
export class OfficeTimeZone1796428000000 implements MigrationInterface {
  name = 'OfficeTimeZone1796428000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION office_time_zone() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT ${quote(OFFICE_TIME_ZONE)}::text $$`,
    );
    await queryRunner.query(rewriteFunctions(LITERAL, 'office_time_zone()'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(rewriteFunctions('office_time_zone()', LITERAL));
    await queryRunner.query('DROP FUNCTION office_time_zone()');
  }
}
