import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  Kind,
  NoUnusedFragmentsRule,
  parse,
  specifiedRules,
  validate,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { PROJECT_ROOT } from './models';

/** A GraphQL document found in a file of the project, and where it starts. */
export interface FoundDocument {
  /** The file, from the project's root. */
  file: string;
  line: number;
  source: string;
}

/** The API's schema as checked in (`npm run schema` writes it; a test holds it to the code). */
export function checkedInSchema(): GraphQLSchema {
  return buildSchema(readFileSync(path.join(PROJECT_ROOT, 'schema/schema.graphql'), 'utf8'));
}

/** Files under a folder of the project (from its root) whose name ends with `suffix`. */
export function projectFiles(folder: string, suffix: string): string[] {
  const found: string[] = [];
  const visit = (relative: string) => {
    for (const entry of readdirSync(path.join(PROJECT_ROOT, relative), { withFileTypes: true })) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') visit(child);
      else if (entry.isFile() && entry.name.endsWith(suffix)) found.push(child);
    }
  };
  visit(folder);
  return found.sort();
}

/**
 * Marks the ```graphql block right after it as not a whole document (a fragment of an example
 * above it, a schema excerpt): the check leaves it alone.
 */
export const NOT_CHECKED = '<!-- graphql: not checked -->';

/** The ```graphql blocks of a Markdown file, but those marked NOT_CHECKED. */
export function markdownGraphqlBlocks(file: string, text: string): FoundDocument[] {
  const lines = text.split('\n');
  const blocks: FoundDocument[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```graphql\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end])) end++;
    const before = lines
      .slice(0, i)
      .reverse()
      .find((line) => line.trim() !== '');
    if (before?.trim() !== NOT_CHECKED) {
      blocks.push({ file, line: start + 1, source: lines.slice(start, end).join('\n') });
    }
    i = end;
  }
  return blocks;
}

/**
 * What is wrong with a document against the schema, as `file:line: message` lines (none when
 * it is valid). A block may hold several operations, anonymous ones too (an example of a query
 * and the mutation after it): each is checked on its own, with the block's fragments.
 */
export function schemaProblems(schema: GraphQLSchema, found: FoundDocument): string[] {
  let document: DocumentNode;
  try {
    document = parse(found.source);
  } catch (error) {
    return [`${found.file}:${found.line}: ${(error as Error).message}`];
  }
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const rules = specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule);
  const parts: DefinitionNode[][] =
    operations.length > 0 ? operations.map((operation) => [operation, ...fragments]) : [fragments];
  return parts.flatMap((definitions) =>
    validate(schema, { kind: Kind.DOCUMENT, definitions }, rules).map((error) => {
      const at = error.locations?.[0];
      return `${found.file}:${found.line + (at ? at.line - 1 : 0)}: ${error.message}`;
    }),
  );
}
