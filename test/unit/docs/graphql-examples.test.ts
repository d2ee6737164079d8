import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  checkedInSchema,
  markdownGraphqlBlocks,
  schemaProblems,
} from '../../support/graphql-documents';
import { PROJECT_ROOT } from '../../support/models';

/** Every page of the docs, and the README. */
function pages(): string[] {
  const docs = path.join(PROJECT_ROOT, 'docs');
  const under = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? under(path.join(folder, entry.name))
        : entry.name.endsWith('.md')
          ? [path.join(folder, entry.name)]
          : [],
    );
  return [path.join(PROJECT_ROOT, 'README.md'), ...under(docs)];
}

describe('the docs', () => {
  const schema = checkedInSchema();
  const files = pages();

  it('ask only for what the schema has, in every GraphQL example', () => {
    const blocks = files.flatMap((file) =>
      markdownGraphqlBlocks(path.relative(PROJECT_ROOT, file), readFileSync(file, 'utf8')),
    );
    expect(blocks.length).toBeGreaterThan(20);
    const problems = blocks.flatMap((block) => schemaProblems(schema, block));
    expect(problems).toEqual([]);
  });

  it('link only to files of the repository that exist', () => {
    const broken = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\]\(([^)\s]+)\)/g)]
        .map((match) => match[1].split('#')[0])
        .filter((target) => target !== '' && !/^(https?|mailto):/.test(target))
        .filter((target) => {
          const resolved = path.resolve(path.dirname(file), target);
          return !resolved.startsWith(PROJECT_ROOT) || !existsAt(resolved);
        })
        .map((target) => `${path.relative(PROJECT_ROOT, file)} → ${target}`),
    );
    expect(broken).toEqual([]);
  });

  it('show every picture of the pages the browser tests take, and no other', () => {
    const shown = new Set(
      files.flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) =>
          path.basename(m[1]),
        ),
      ),
    );
    const taken = readdirSync(path.join(PROJECT_ROOT, 'docs', 'screenshots'));
    expect(taken.length).toBeGreaterThanOrEqual(6);
    expect(taken.filter((picture) => !shown.has(picture))).toEqual([]);
    // Each is taken by a browser test (screenshot(..., { docs: true })), so none goes stale.
    const tests = readdirSync(path.join(PROJECT_ROOT, 'test', 'e2e'))
      .map((file) => readFileSync(path.join(PROJECT_ROOT, 'test', 'e2e', file), 'utf8'))
      .join('\n');
    for (const picture of taken)
      expect([
        picture,
        tests.includes(`'${picture.replace(/\.jpg$/, '')}', { docs: true }`),
      ]).toEqual([picture, true]);
  });
});

function existsAt(file: string): boolean {
  try {
    return readdirSync(path.dirname(file)).includes(path.basename(file));
  } catch {
    return false;
  }
}
