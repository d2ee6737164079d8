import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SHORTFALL_WORDS, shortfallOf } from '../../../web/src/forecast-shortfall';
import { PROJECT_ROOT } from '../../support/models';

const say = (key: string) => `[${key} {n}]`;

describe("the forecast panel's shortfall", () => {
  it('says nothing when every dossier came through', () => {
    expect(shortfallOf({ unfinished: 0, failed: 0, unservedTasks: 0 }, say)).toBe('');
  });

  it('names the dossiers left open or failed, and the tasks no officer could do', () => {
    expect(shortfallOf({ unfinished: 3, failed: 2, unservedTasks: 5 }, say)).toBe(
      '[designer.forecast.unfinished 3] [designer.forecast.failed 2] [designer.forecast.unserved 5]',
    );
  });

  it('names only what is not zero', () => {
    expect(shortfallOf({ unfinished: 0, failed: 0, unservedTasks: 4 }, say)).toBe(
      '[designer.forecast.unserved 4]',
    );
  });

  // The page's words are for the browser (web/src/i18n.ts reads its storage): read as text.
  it('has words in Vietnamese and English for each count, with its number', () => {
    const words = readFileSync(path.join(PROJECT_ROOT, 'web/src/i18n.ts'), 'utf8');
    for (const [, key] of SHORTFALL_WORDS) {
      const entry = new RegExp(`'${key}': \\{\\s*vi: '([^']*)',\\s*en: '([^']*)'`).exec(words);
      expect(entry?.[1]).toContain('{n}');
      expect(entry?.[2]).toContain('{n}');
    }
  });
});
