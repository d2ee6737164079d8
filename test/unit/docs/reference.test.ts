import { readFileSync } from 'node:fs';
import path from 'node:path';
import { referencePage } from '../../../src/cli/reference';

const FILE = path.resolve(__dirname, '../../../docs/reference.md');

describe('docs/reference.md', () => {
  it('is what the code says (run `npm run docs:reference` after changing it)', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(referencePage());
  });

  it('names every error code, setting, operation and attribute it is made from', () => {
    const page = referencePage();
    for (const expected of [
      '`DOSSIER_INVALID_STATE`',
      '`DATABASE_URL`',
      '`METRICS_TOKEN`',
      '`CHROMIUM_PATH` | /usr/bin/chromium',
      '`deployProcess` | designer',
      '`tthc:resultReady`',
      '`tthc:statutoryDuration`',
    ]) {
      expect(page).toContain(expected);
    }
  });

  it('holds the operations page to the settings the code reads', () => {
    const variables = (text: string) =>
      new Set([...text.matchAll(/^\| `([A-Z_]+)`/gm)].map((match) => match[1]));
    const fromCode = variables(referencePage().split('## Configuration')[1].split('## ')[0]);
    const operations = readFileSync(path.resolve(__dirname, '../../../docs/operations.md'), 'utf8');
    const documented = new Set(
      [...operations.matchAll(/^\| `([A-Z_]+)`(?: \/ `([A-Z_]+)`)?/gm)].flatMap((m) =>
        m.slice(1).filter(Boolean),
      ),
    );
    expect([...documented].sort()).toEqual([...fromCode].sort());
  });
});
