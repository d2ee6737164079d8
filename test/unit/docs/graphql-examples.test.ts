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
});

function existsAt(file: string): boolean {
  try {
    return readdirSync(path.dirname(file)).includes(path.basename(file));
  } catch {
    return false;
  }
}
