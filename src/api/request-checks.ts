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
 * - text holding a NUL (U+0000), anywhere in any argument, is refused (refuseNul);
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
  refuseNul(schema, request.document, operation, coerced);
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
 * PostgreSQL keeps no NUL in text or jsonb: text holding one would fail there, as an internal
 * error. Every argument of every field the operation selects (its variables already coerced) is
 * read once, and the first NUL is refused as BAD_USER_INPUT naming the argument and the field
 * within it (`input.applicant.name`; a JSON argument by its own name).
 */
function refuseNul(
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
            const at = nulIn(values[argument.name], argument.type, argument.name);
            if (at === undefined) continue;
            throw refusal(
              new AppError(
                'BAD_USER_INPUT',
                `Argument "${argument.name}" of "${field.name}" may not contain the NUL character (\\u0000)${
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

/** Where in `value` (of `type`, at `path`) text holds a NUL, or undefined. */
function nulIn(value: unknown, type: GraphQLInputType, path: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  const nullable = getNullableType(type);
  if (isListType(nullable) && Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const at = nulIn(item, nullable.ofType, `${path}[${index}]`);
      if (at !== undefined) return at;
    }
    return undefined;
  }
  if (isInputObjectType(nullable)) {
    for (const field of Object.values(nullable.getFields())) {
      const at = nulIn(
        (value as Record<string, unknown>)[field.name],
        field.type,
        `${path}.${field.name}`,
      );
      if (at !== undefined) return at;
    }
    return undefined;
  }
  return holdsNul(value) ? path : undefined;
}

/** A scalar's value, JSON included (its keys too); read without recursion, however deep. */
function holdsNul(value: unknown): boolean {
  const pending = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (next.includes(NUL)) return true;
    } else if (Array.isArray(next)) {
      for (const item of next) pending.push(item);
    } else if (next !== null && typeof next === 'object') {
      for (const [key, inner] of Object.entries(next)) {
        if (key.includes(NUL)) return true;
        pending.push(inner);
      }
    }
  }
  return false;
}
