import path from 'node:path';
import ts from 'typescript';
import { checkedInSchema, schemaProblems } from '../../support/graphql-documents';
import { PROJECT_ROOT } from '../../support/models';
import { pageQueries, resultTypeProblems, webProgram } from '../../support/page-queries';

/**
 * The pages (web/src) send their queries as text. Each is held to schema/schema.graphql: it
 * must be valid there, and the result type the page gives it must be what the schema answers.
 */
describe("the pages' queries", () => {
  const schema = checkedInSchema();
  const program = webProgram();
  const queries = pageQueries(program);

  it('are found in every page that sends one', () => {
    const files = new Set(queries.map((query) => query.file));
    for (const page of ['dashboard', 'designer', 'inbox', 'lookup', 'session']) {
      expect(files).toContain(`web/src/${page}.ts`);
    }
  });

  it('are valid against the schema', () => {
    expect(queries.flatMap((query) => schemaProblems(schema, query))).toEqual([]);
  });

  it('are typed as the schema answers them', () => {
    const checker = program.getTypeChecker();
    expect(queries.flatMap((query) => resultTypeProblems(schema, checker, query))).toEqual([]);
  });
});

describe('the check of a page', () => {
  const page = `
    declare function graphql<T>(query: string): Promise<T>;
    const FIELDS = 'id name';
    export async function load() {
      await graphql<{ tasks: { edges: { node: { id: string; name: string; due: string } }[] } }>(
        \`{ tasks(first: 5) { edges { node { \${FIELDS} state } } } }\`,
      );
      await graphql<{ me: { roles: string; fullName: string | null } }>('{ me { roles fullName } }');
      await graphql<{ processDefinitions: { version: string; key: string }[] }>(
        '{ processDefinitions { version key } }',
      );
      await graphql<{ tasks: { edges: { node: { state: 'OPEN' | 'LOST' } }[] } }>(
        '{ tasks { edges { node { state } } } }',
      );
      await graphql('{ tasks { edges { node { nothing } } } }');
    }`;
  const program = programOf(page);
  const queries = pageQueries(program);
  const schema = checkedInSchema();

  it('resolves the constants a query is built from', () => {
    expect(queries[0].source).toBe('{ tasks(first: 5) { edges { node { id name state } } } }');
  });

  it('finds what the schema refuses', () => {
    expect(queries.flatMap((query) => schemaProblems(schema, query))).toEqual([
      'web/src/fixture.ts:15: Cannot query field "nothing" on type "Task".',
    ]);
  });

  it('finds where a result type disagrees with the schema', () => {
    const checker = program.getTypeChecker();
    const problems = queries.flatMap((query) => resultTypeProblems(schema, checker, query));
    expect(problems).toEqual([
      'web/src/fixture.ts:6: tasks.edges[].node.name: may be null in the schema, typed string',
      'web/src/fixture.ts:6: tasks.edges[].node.due: the page reads a field the query does not ask for',
      'web/src/fixture.ts:8: me.roles: a list in the schema, typed string',
      'web/src/fixture.ts:10: processDefinitions[].version: Int in the schema, typed string',
      "web/src/fixture.ts:13: tasks.edges[].node.state: 'LOST' is not a value of TaskState",
    ]);
  });

  it('refuses a query it cannot see whole', () => {
    const hidden = programOf(
      `declare const part: string; declare function graphql(q: string): void; graphql(\`{ me { \${part} } }\`);`,
    );
    expect(() => pageQueries(hidden)).toThrow(/fixture.ts:1: the query's part `part`/);
    const elsewhere = programOf('export const QUERY = `query { me { fullName } }`;');
    expect(() => pageQueries(elsewhere)).toThrow(/fixture.ts:1: a GraphQL document not sent/);
  });
});

/** A program of one page, web/src/fixture.ts, with the given text. */
function programOf(text: string): ts.Program {
  const fileName = path.join(PROJECT_ROOT, 'web/src/fixture.ts');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    types: [],
    lib: ['lib.es2022.d.ts'],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) =>
    name === fileName ? ts.createSourceFile(name, text, version) : getSourceFile(name, version);
  host.fileExists = (
    (exists) => (name: string) =>
      name === fileName || exists(name)
  )(host.fileExists.bind(host));
  return ts.createProgram([fileName], options, host);
}
