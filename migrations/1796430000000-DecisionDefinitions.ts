import type { MigrationInterface, QueryRunner } from 'typeorm';

/** DMN decisions, versioned by their id like processes by their key. */
export class DecisionDefinitions1796430000000 implements MigrationInterface {
  name = 'DecisionDefinitions1796430000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE decision_definition (
        id uuid PRIMARY KEY,
        key varchar(255) NOT NULL,
        version integer NOT NULL,
        name text,
        model jsonb NOT NULL,
        dmn_xml text NOT NULL,
        content_hash varchar(64) NOT NULL,
        source text,
        deployed_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX decision_definition_key_version ON decision_definition (key, version)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE decision_definition`);
  }
}
