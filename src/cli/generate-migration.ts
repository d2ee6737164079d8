import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import { PROJECT_ROOT } from '../config';
import { createDataSource } from '../store/data-source';
import { startEmbeddedPostgres } from '../store/embedded-postgres';

/**
 * `npm run migration:generate -- AddSomething`: writes the SQL that brings a database migrated
 * to the latest migration up to the entities, as a new migration, and lists it in
 * migrations/index.ts. It works on a throw-away embedded PostgreSQL, never on a real database.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    throw new Error(
      'Give the migration a PascalCase name, e.g. `npm run migration:generate -- AddTaskDue`',
    );
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tthc-migration-'));
  const database = await startEmbeddedPostgres({
    dataDir,
    port: 54399,
    database: 'generate',
    persistent: false,
  });
  const dataSource = createDataSource(database.url);
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log('The entities match the migrations: nothing to generate.');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const file = `${timestamp}-${name}`;
    const lines = (queries: { query: string }[]) =>
      queries.map((q) => `    await queryRunner.query(${JSON.stringify(q.query)});`).join('\n');
    writeFileSync(
      path.join(PROJECT_ROOT, 'migrations', `${file}.ts`),
      `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(sql.upQueries)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(sql.downQueries.reverse())}
  }
}
`,
    );
    const indexPath = path.join(PROJECT_ROOT, 'migrations', 'index.ts');
    const index = readFileSync(indexPath, 'utf8')
      .replace(/((?:^import .*\n)+)/m, `$1import { ${className} } from './${file}';\n`)
      .replace(/export const migrations = \[([^\]]*)\];/, (_all, list: string) => {
        const names = list
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean);
        return `export const migrations = [${[...names, className].join(', ')}];`;
      });
    writeFileSync(indexPath, index);
    execFileSync('npx', [
      'prettier',
      '--write',
      indexPath,
      path.join(PROJECT_ROOT, 'migrations', `${file}.ts`),
    ]);
    console.log(`Wrote migrations/${file}.ts with ${sql.upQueries.length} statements`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
