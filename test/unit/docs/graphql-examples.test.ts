import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkedInSchema, problemsOf } from '../../support/graphql-documents';
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

/** The ```graphql blocks of a page, with the line each starts on. */
function graphqlBlocks(file: string): { text: string; line: number }[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks: { text: string; line: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```graphql') continue;
    const end = lines.findIndex((line, at) => at > i && line.trim() === '```');
    if (end < 0) throw new Error(`${file}:${i + 1}: a \`\`\`graphql block is never closed`);
    blocks.push({ text: lines.slice(i + 1, end).join('\n'), line: i + 1 });
    i = end;
  }
  return blocks;
}

describe('the docs', () => {
  const schema = checkedInSchema();
  const files = pages();

  it('ask only for what the schema has, in every GraphQL example', () => {
    const blocks = files.flatMap((file) =>
      graphqlBlocks(file).map((block) => ({ ...block, file: path.relative(PROJECT_ROOT, file) })),
    );
    expect(blocks.length).toBeGreaterThan(20);
    const problems = blocks.flatMap(({ file, line, text }) =>
      // Several operations in one block are examples side by side: each is checked alone.
      text
        .split(/\n(?=(?:query|mutation|subscription)\b|\{)/)
        .flatMap((operation) => problemsOf(schema, operation))
        .map((problem) => `${file}:${line} ${problem}`),
    );
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
