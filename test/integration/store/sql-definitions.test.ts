import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sqlDefinitions } from '../../../src/store/sql-definitions';
import { createTestDatabase, type TestDatabase } from '../../support/database';

const FOLDER = path.resolve(__dirname, '../../../schema/sql');

describe('schema/sql', () => {
  let database: TestDatabase;
  beforeAll(async () => (database = await createTestDatabase()));
  afterAll(() => database.drop());

  it('holds the text of every function and trigger as the migrations leave them (run `npm run schema`)', async () => {
    const definitions = await sqlDefinitions(database.store);
    const checkedIn = readdirSync(FOLDER)
      .filter((file) => file.endsWith('.sql'))
      .sort();
    expect(checkedIn).toEqual(definitions.map((d) => d.file).sort());
    for (const { file, text } of definitions) {
      expect({ file, text: readFileSync(path.join(FOLDER, file), 'utf8') }).toEqual({ file, text });
    }
  });

  it('finds the triggers that keep the inbox keys, the rollups and the change notices', async () => {
    const files = (await sqlDefinitions(database.store)).map((d) => d.file);
    expect(files).toEqual(
      expect.arrayContaining([
        'trigger.task.task_inbox_keys.sql',
        'trigger.task.step_rollup.sql',
        'trigger.dossier.dossier_rollup.sql',
        'trigger.job.job_due_notify.sql',
        'function.dossier_measures.sql',
      ]),
    );
  });
});
