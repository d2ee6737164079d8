import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Applicants are a person or an organisation now (`applicant.kind`): every dossier received
 * before was a person's.
 */
export class ApplicantKind1796018000000 implements MigrationInterface {
  name = 'ApplicantKind1796018000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE dossier SET applicant = applicant || '{"kind": "INDIVIDUAL"}'::jsonb
        WHERE NOT applicant ? 'kind'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE dossier SET applicant = applicant - 'kind'`);
  }
}
