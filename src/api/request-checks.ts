import type { ApolloServerPlugin } from '@apollo/server';
import {
  getArgumentValues,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isInputObjectType,
  isListType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { AppError } from '../errors';
import { checkCost, refusal } from './limits';

interface Request {
  document: DocumentNode;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/**
 * What every request goes through once its operation is known and before anything runs, over
 * HTTP (requestChecksPlugin) and WebSocket alike:
 *
 * - variables that do not fit the types the operation declares are let through untouched:
 *   execution coerces them first and refuses each one, naming it, before any resolver runs
 *   (BAD_USER_INPUT, see errors.ts). Coercing them here and throwing graphql-js's error would
 *   turn a client's mistake into an internal error, as it once did;
 * - text holding a NUL (U+0000), anywhere in any argument, text over MAX_TEXT characters and
 *   lists over MAX_ITEMS items are refused (refuseBadValues);
 * - a request costlier than `maxCost` is refused (limits.ts).
 */
export function checkRequest(schema: GraphQLSchema, request: Request, maxCost: number): void {
  const operation = getOperationAST(request.document, request.operationName ?? undefined);
  if (!operation) return; // execution says which operation is missing
  const { coerced } = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    request.variables ?? {},
  );
  if (!coerced) return;
  refuseBadValues(schema, request.document, operation, coerced);
  checkCost(schema, request, maxCost);
}

export function requestChecksPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ request, document }) => {
          checkRequest(schema, { ...request, document }, maxCost);
          return Promise.resolve();
        },
      }),
  };
}

const NUL = '\u0000';

/**
 * The most characters one text argument may hold, and the most items one list: far above what a
 * person types or a page sends, far below what would fill the database or a page by mistake.
 * BPMN, DMN and form files (LARGE_TEXT) are bounded only by the request body's limit. JSON: see scalarProblem.
 */
export const MAX_TEXT = 100_000;
export const MAX_ITEMS = 1_000;
export const MAX_JSON_DEPTH = 32;
/** The arguments that carry whole files, as field.argument. */
export const LARGE_TEXT = new Set([
  'deployProcess.bpmnXml',
  'validateProcess.bpmnXml',
  'deployDecision.dmnXml',
  'validateDecision.dmnXml',
  'deployForm.schema',
]);

/** What is wrong with an argument's value, and where. */
interface Problem {
  at: string;
  why: string;
}

/**
 * PostgreSQL keeps no NUL in text or jsonb: text holding one would fail there, as an internal
 * error. Text longer than MAX_TEXT and lists longer than MAX_ITEMS are a client's mistake too.
 * Every argument of every field the operation selects (its variables already coerced) is read
 * once, and the first problem is refused as BAD_USER_INPUT naming the argument and the field
 * within it (`input.applicant.name`; a JSON argument by its own name).
 */
function refuseBadValues(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): void {
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  for (const definition of [operation, ...fragments]) {
    const typeInfo = new TypeInfo(schema);
    visit(
      definition,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const field = typeInfo.getFieldDef();
          if (!field || !node.arguments?.length) return;
          let values: Record<string, unknown>;
          try {
            values = getArgumentValues(field, node, variables);
          } catch {
            return; // refused at execution, naming the argument (see errors.ts)
          }
          for (const argument of field.args) {
            const large = LARGE_TEXT.has(`${field.name}.${argument.name}`);
            const problem = problemIn(values[argument.name], argument.type, argument.name, large);
            if (problem === undefined) continue;
            const { at, why } = problem;
            throw refusal(
              new AppError(
                'BAD_USER_INPUT',
                `Argument "${argument.name}" of "${field.name}" ${why}${
                  at === argument.name ? '' : `, found at "${at}"`
                }`,
                { field: at },
              ),
              node.arguments.find((given) => given.name.value === argument.name) ?? node,
            );
          }
        },
      }),
    );
  }
}

/** What is wrong in `value` (of `type`, at `path`), or undefined. */
function problemIn(
  value: unknown,
  type: GraphQLInputType,
  path: string,
  large: boolean,
): Problem | undefined {
  if (value === null || value === undefined) return undefined;
  const nullable = getNullableType(type);
  if (isListType(nullable) && Array.isArray(value)) {
    if (value.length > MAX_ITEMS) {
      return { at: path, why: `may hold at most ${MAX_ITEMS} items, not ${value.length}` };
    }
    for (const [index, item] of value.entries()) {
      const problem = problemIn(item, nullable.ofType, `${path}[${index}]`, large);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  if (isInputObjectType(nullable)) {
    for (const field of Object.values(nullable.getFields())) {
      const inner = (value as Record<string, unknown>)[field.name];
      const problem = problemIn(inner, field.type, `${path}.${field.name}`, large);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  const why = scalarProblem(value);
  if (why !== undefined) return { at: path, why };
  if (!large && typeof value === 'string' && value.length > MAX_TEXT) {
    return { at: path, why: `may hold at most ${MAX_TEXT} characters, not ${value.length}` };
  }
  return undefined;
}

/**
 * What is wrong in a scalar's value, JSON included (its keys too): a NUL, or JSON nested deeper
 * than MAX_JSON_DEPTH (a process's data is a few levels deep; thousands would be stored, read and
 * shown level by level). Read without recursion, however deep.
 */
function scalarProblem(value: unknown): string | undefined {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [next, depth] = pending.pop() as [unknown, number];
    if (typeof next === 'string') {
      if (next.includes(NUL)) return 'may not contain the NUL character (\\u0000)';
      continue;
    }
    if (next === null || typeof next !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) return `may be nested at most ${MAX_JSON_DEPTH} levels deep`;
    for (const [key, inner] of Object.entries(next)) {
      if (key.includes(NUL)) return 'may not contain the NUL character (\\u0000)';
      pending.push([inner, depth + 1]);
    }
  }
  return undefined;
}
