import path from 'node:path';
import {
  getNullableType,
  isEnumType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import ts from 'typescript';
import { PROJECT_ROOT } from './models';
import type { FoundDocument } from './graphql-documents';

/** A query a page sends, with the result type the page says it expects, when it says one. */
export interface PageQuery extends FoundDocument {
  /** The type argument of the call (`call<{ myTasks: ... }>(...)`), if given. */
  resultType?: ts.Type;
}

/** The functions the pages send GraphQL through: `graphql()` (web/src/graphql.ts) and `call()`. */
const SENDERS = new Set(['graphql', 'call']);

/** The pages' TypeScript, as web/tsconfig.json compiles it. */
export function webProgram(): ts.Program {
  const configFile = path.join(PROJECT_ROOT, 'web/tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configFile,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${configFile}`);
  return ts.createProgram(parsed.fileNames, parsed.options);
}

/**
 * Every GraphQL document the pages send: the first argument of each `graphql(...)` or `call(...)`,
 * a string or a template whose `${...}` parts are constants holding pieces of the query. Throws
 * when a literal that looks like a query is sent some other way, or a piece cannot be resolved,
 * so that no query escapes the check.
 */
export function pageQueries(program: ts.Program): PageQuery[] {
  const checker = program.getTypeChecker();
  const queries: PageQuery[] = [];
  for (const sourceFile of program.getSourceFiles()) {
    const file = path.relative(PROJECT_ROOT, sourceFile.fileName).split(path.sep).join('/');
    if (!file.startsWith('web/src/')) continue;
    const used = new Set<ts.Node>();
    const where = (node: ts.Node) =>
      `${file}:${sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    forEachNode(sourceFile, (node) => {
      if (!ts.isCallExpression(node) || !SENDERS.has(calleeName(node))) return;
      const [query] = node.arguments;
      if (query === undefined || isParameter(checker, query)) return;
      queries.push({
        file,
        line: sourceFile.getLineAndCharacterOfPosition(query.getStart()).line + 1,
        source: textOf(checker, query, used, where),
        resultType: node.typeArguments?.[0]
          ? checker.getTypeFromTypeNode(node.typeArguments[0])
          : undefined,
      });
    });
    forEachNode(sourceFile, (node) => {
      if (isTextLiteral(node) && looksLikeQuery(node) && !used.has(node)) {
        throw new Error(`${where(node)}: a GraphQL document not sent by graphql() or call()`);
      }
    });
  }
  return queries;
}

function forEachNode(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  ts.forEachChild(node, (child) => forEachNode(child, visit));
}

function isTextLiteral(node: ts.Node): node is ts.StringLiteral | ts.TemplateLiteral {
  return (
    ts.isStringLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isTemplateExpression(node)
  );
}

function calleeName(call: ts.CallExpression): string {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return '';
}

/** `graphql<T>(query, ...)` inside `call` itself passes its parameter on: not a query. */
function isParameter(checker: ts.TypeChecker, node: ts.Expression): boolean {
  if (!ts.isIdentifier(node)) return false;
  return checker.getSymbolAtLocation(node)?.valueDeclaration?.kind === ts.SyntaxKind.Parameter;
}

function looksLikeQuery(node: ts.StringLiteral | ts.TemplateLiteral): boolean {
  const head = ts.isTemplateExpression(node) ? node.head.text : node.text;
  return /^\s*(query|mutation|subscription)\b|^\s*\{\s*\w+\s*[:({]/.test(head);
}

/**
 * The text of a query: a literal, or a template whose parts are constants (resolved in turn).
 * Each literal read goes into `used`.
 */
function textOf(
  checker: ts.TypeChecker,
  node: ts.Expression,
  used: Set<ts.Node>,
  where: (node: ts.Node) => string,
): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    used.add(node);
    return node.text;
  }
  if (ts.isTemplateExpression(node)) {
    used.add(node);
    return (
      node.head.text +
      node.templateSpans
        .map((span) => textOf(checker, span.expression, used, where) + span.literal.text)
        .join('')
    );
  }
  if (ts.isIdentifier(node)) {
    let symbol = checker.getSymbolAtLocation(node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const declaration = symbol?.valueDeclaration;
    if (
      declaration &&
      ts.isVariableDeclaration(declaration) &&
      declaration.initializer &&
      ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const
    ) {
      return textOf(checker, declaration.initializer, used, where);
    }
  }
  throw new Error(
    `${where(node)}: the query's part \`${node.getText()}\` is not a constant string`,
  );
}

/** Custom scalars as JSON carries them; a scalar missing here (JSON) may be anything. */
const SCALARS: Record<string, ts.TypeFlags> = {
  Int: ts.TypeFlags.NumberLike,
  Float: ts.TypeFlags.NumberLike,
  String: ts.TypeFlags.StringLike,
  ID: ts.TypeFlags.StringLike,
  Boolean: ts.TypeFlags.BooleanLike,
  DateTime: ts.TypeFlags.StringLike,
  LocalDate: ts.TypeFlags.StringLike,
};

/**
 * Where the result type a page gives a query disagrees with what the schema answers: a field
 * the page reads but does not ask for, a field that may be null typed as never null, a list
 * typed as one value, a number typed as text, an enum's value the schema does not have. Types
 * a page leaves `unknown` are not looked into.
 */
export function resultTypeProblems(
  schema: GraphQLSchema,
  checker: ts.TypeChecker,
  query: PageQuery,
): string[] {
  if (!query.resultType) return [];
  const document = parse(query.source);
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return [`${query.file}:${query.line}: no operation`];
  const problems: string[] = [];
  const say = (at: string, message: string) =>
    problems.push(`${query.file}:${query.line}: ${at}: ${message}`);

  const selected = (selections: SelectionSetNode): FieldNode[] =>
    selections.selections.flatMap((selection) => {
      if (selection.kind === Kind.FIELD) return [selection];
      if (selection.kind === Kind.INLINE_FRAGMENT) return selected(selection.selectionSet);
      const fragment = fragments.get(selection.name.value);
      return fragment ? selected(fragment.selectionSet) : [];
    });

  const compareObject = (
    type: ts.Type,
    selections: SelectionSetNode,
    parent: GraphQLObjectType | GraphQLInterfaceType,
    at: string,
  ) => {
    if (isUnchecked(type)) return;
    if (!(type.flags & ts.TypeFlags.Object) && !type.isIntersection()) {
      say(at, `an object in the schema, typed ${checker.typeToString(type)}`);
      return;
    }
    const fields = new Map(selected(selections).map((f) => [(f.alias ?? f.name).value, f]));
    for (const property of checker.getPropertiesOfType(type)) {
      const field = fields.get(property.name);
      const where = at ? `${at}.${property.name}` : property.name;
      if (!field) {
        say(where, 'the page reads a field the query does not ask for');
        continue;
      }
      const definition = parent.getFields()[field.name.value];
      if (!definition) continue; // validate() reports it
      compareValue(checker.getTypeOfSymbol(property), definition.type, field, where);
    }
  };

  const compareValue = (
    type: ts.Type,
    expected: GraphQLOutputType,
    field: FieldNode,
    at: string,
  ) => {
    if (isUnchecked(type)) return;
    if (!isNonNullType(expected) && !mayBeNull(type)) {
      say(at, `may be null in the schema, typed ${checker.typeToString(type)}`);
    }
    const inner = getNullableType(expected);
    const value = checker.getNonNullableType(type);
    if (isUnchecked(value)) return;
    if (isListType(inner)) {
      if (!checker.isArrayType(value)) {
        say(at, `a list in the schema, typed ${checker.typeToString(value)}`);
        return;
      }
      const [item] = checker.getTypeArguments(value as ts.TypeReference);
      compareValue(item, inner.ofType, field, `${at}[]`);
      return;
    }
    if (isScalarType(inner)) {
      const flags = SCALARS[inner.name];
      if (flags !== undefined && !every(value, (t) => (t.flags & flags) !== 0)) {
        say(at, `${inner.name} in the schema, typed ${checker.typeToString(value)}`);
      }
      return;
    }
    if (isEnumType(inner)) {
      const values = new Set(inner.getValues().map((v) => v.name));
      if (!every(value, (t) => (t.flags & ts.TypeFlags.StringLike) !== 0)) {
        say(at, `the enum ${inner.name} in the schema, typed ${checker.typeToString(value)}`);
      }
      for (const literal of members(value)) {
        if (literal.isStringLiteral() && !values.has(literal.value)) {
          say(at, `'${literal.value}' is not a value of ${inner.name}`);
        }
      }
      return;
    }
    if (field.selectionSet && (isObjectType(inner) || isInterfaceType(inner))) {
      compareObject(value, field.selectionSet, inner, at);
    }
  };

  compareObject(query.resultType, operation.selectionSet, root, '');
  return problems;
}

const members = (type: ts.Type): ts.Type[] => (type.isUnion() ? type.types : [type]);
const every = (type: ts.Type, test: (member: ts.Type) => boolean) => members(type).every(test);
const isUnchecked = (type: ts.Type) =>
  (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0;
const mayBeNull = (type: ts.Type) =>
  members(type).some((t) => (t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) !== 0);
