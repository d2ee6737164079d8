import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import 'reflect-metadata';
import { PROJECT_ROOT } from '../config';
import { pendingSchemaChanges, withThrowawayDatabase } from '../store/throwaway-database';

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
  const changes = await withThrowawayDatabase(54399, pendingSchemaChanges);
  if (changes.up.length === 0) {
    console.log('The entities match the migrations: nothing to generate.');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const file = `${timestamp}-${name}`;
  const migration = path.join(PROJECT_ROOT, 'migrations', `${file}.ts`);
  writeFileSync(migration, migrationText(className, changes));
  const indexPath = path.join(PROJECT_ROOT, 'migrations', 'index.ts');
  writeFileSync(indexPath, listed(readFileSync(indexPath, 'utf8'), className, file));
  execFileSync('npx', ['prettier', '--write', indexPath, migration]);
  console.log(`Wrote migrations/${file}.ts with ${changes.up.length} statements`);
}

function migrationText(className: string, changes: { up: string[]; down: string[] }): string {
  const lines = (queries: string[]) =>
    queries.map((query) => `    await queryRunner.query(${JSON.stringify(query)});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(changes.up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(changes.down)}
  }
}
`;
}

/** migrations/index.ts with the new migration imported and listed last. */
function listed(index: string, className: string, file: string): string {
  return index
    .replace(/((?:^import .*\n)+)/m, `$1import { ${className} } from './${file}';\n`)
    .replace(/export const migrations = \[([^\]]*)\];/, (_all, list: string) => {
      const names = list
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean);
      return `export const migrations = [${[...names, className].join(', ')}];`;
    });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
