import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The account an agency's fees are paid to (its treasury or bank account): the bank's NAPAS
 * BIN, the account number and the account's name, which the VietQR codes on its papers carry.
 * None until an administrator sets it.
 */
export class AgencyPayee1796438000000 implements MigrationInterface {
  name = 'AgencyPayee1796438000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "agency" ADD "payee_bank_bin" character varying(6),
                            ADD "payee_account" character varying(19),
                            ADD "payee_name" character varying(255)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "agency" DROP COLUMN "payee_name", DROP COLUMN "payee_account",
                            DROP COLUMN "payee_bank_bin"`,
    );
  }
}
