import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate, type GraphQLSchema } from 'graphql';
import ts from 'typescript';
import { PROJECT_ROOT } from './models';
import path from 'node:path';

/** The API's schema as checked in: what pages and docs are held to. */
export function checkedInSchema(): GraphQLSchema {
  return buildSchema(readFileSync(path.join(PROJECT_ROOT, 'schema', 'schema.graphql'), 'utf8'));
}

/** The problems of a GraphQL document against the schema, as text (none: []). */
export function problemsOf(schema: GraphQLSchema, text: string): string[] {
  try {
    return validate(schema, parse(text)).map((error) => error.message);
  } catch (error) {
    return [(error as Error).message];
  }
}

const OPERATION = /^\s*((query|mutation|subscription)\b[^{]*)?\{\s*[A-Za-z_]/;

/**
 * The GraphQL documents a TypeScript file sends: string and template literals that read as an
 * operation, with `${name}` parts filled in from the file's constants. A part that cannot be
 * filled in is reported in `unresolved`, so that nothing is skipped without a word.
 */
export function documentsIn(file: string): { text: string; line: number }[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const constants = new Map<string, ts.Expression>();
  const found: { text: string; line: number }[] = [];
  const collect = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      constants.set(node.name.text, node.initializer);
    }
    ts.forEachChild(node, collect);
  };
  collect(source);
  const textOf = (node: ts.Expression): string | undefined => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isIdentifier(node)) {
      const value = constants.get(node.text);
      return value ? textOf(value) : undefined;
    }
    if (ts.isTemplateExpression(node)) {
      let text = node.head.text;
      for (const span of node.templateSpans) {
        const part = textOf(span.expression);
        if (part === undefined) return undefined;
        text += part + span.literal.text;
      }
      return text;
    }
    return undefined;
  };
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateExpression(node)
    ) {
      const raw = node.getText(source).slice(1);
      if (OPERATION.test(raw) && !ts.isTemplateSpan(node.parent)) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push({ text: textOf(node) ?? `# unresolved: ${raw.slice(0, 60)}`, line });
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
