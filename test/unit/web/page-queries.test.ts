import { readdirSync } from 'node:fs';
import path from 'node:path';
import { checkedInSchema, documentsIn, problemsOf } from '../../support/graphql-documents';
import { PROJECT_ROOT } from '../../support/models';

const PAGES = path.join(PROJECT_ROOT, 'web', 'src');

/** The pages call the API with plain strings: each is held to schema/schema.graphql. */
describe('the pages’ GraphQL documents', () => {
  const schema = checkedInSchema();
  const files = readdirSync(PAGES).filter((file) => file.endsWith('.ts'));
  const documents = files.flatMap((file) =>
    documentsIn(path.join(PAGES, file)).map((document) => ({ ...document, file })),
  );

  it('are found in every page that calls the API, each read whole', () => {
    expect([...new Set(documents.map((d) => d.file))].sort()).toEqual([
      'dashboard.ts',
      'designer.ts',
      'inbox.ts',
      'lookup.ts',
      'session.ts',
    ]);
    expect(documents.length).toBeGreaterThan(20);
    expect(documents.filter((d) => d.text.startsWith('# unresolved'))).toEqual([]);
  });

  it('are valid against the schema', () => {
    const problems = documents.flatMap(({ file, line, text }) =>
      problemsOf(schema, text).map((problem) => `web/src/${file}:${line} ${problem}`),
    );
    expect(problems).toEqual([]);
  });
});
