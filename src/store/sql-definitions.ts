import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { preparedQuery } from './prepared';
import type { Store } from './store';

/** A function or trigger of the schema, as PostgreSQL prints it after every migration. */
export interface SqlDefinition {
  /** Its file under schema/sql: `function.<name>.sql` or `trigger.<table>.<name>.sql`. */
  file: string;
  text: string;
}

/**
 * The current text of every function and trigger the migrations made: what a reader of the
 * schema wants, rather than the migrations that wrote and rewrote it. Printed by PostgreSQL
 * (pg_get_functiondef, pg_get_triggerdef), so it is the text that runs.
 */
export async function sqlDefinitions(store: Store): Promise<SqlDefinition[]> {
  const functions = await preparedQuery<{ name: string; text: string }>(
    store.manager,
    `SELECT p.proname || CASE WHEN count(*) OVER (PARTITION BY p.proname) > 1
                              THEN '(' || pg_get_function_identity_arguments(p.oid) || ')' ELSE '' END AS name,
            pg_get_functiondef(p.oid) AS text
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = current_schema()
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
      ORDER BY 1`,
    [],
  );
  const triggers = await preparedQuery<{ name: string; text: string }>(
    store.manager,
    `SELECT c.relname || '.' || t.tgname AS name, pg_get_triggerdef(t.oid, true) AS text
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND NOT t.tgisinternal
        -- A partition's copy of its table's trigger is the table's.
        AND t.tgparentid = 0
      ORDER BY 1`,
    [],
  );
  return [
    ...functions.map(({ name, text }) => ({
      file: `function.${name}.sql`,
      text: `${text.trim()};\n`,
    })),
    ...triggers.map(({ name, text }) => ({
      file: `trigger.${name}.sql`,
      text: `${text.trim()};\n`,
    })),
  ];
}

/** Writes the definitions as files of a folder, and removes the files of ones that are gone. */
export async function writeSqlDefinitions(
  definitions: readonly SqlDefinition[],
  folder: string,
): Promise<void> {
  await mkdir(folder, { recursive: true });
  const keep = new Set(definitions.map((d) => d.file));
  for (const file of await readdir(folder)) {
    if (file.endsWith('.sql') && !keep.has(file)) await rm(path.join(folder, file));
  }
  for (const { file, text } of definitions) await writeFile(path.join(folder, file), text);
}
