import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  getNullableType,
  GraphQLError,
  isListType,
  type ASTNode,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { AppError } from '../errors';

/** Lists without a page size are counted at this many items; a page at its `first`. */
const UNPAGED_LIST_ITEMS = 10;
const DEFAULT_PAGE = 20;

/** A refusal before anything runs, told to the client as a 400 with its code (and where, when given). */
export function refusal(error: AppError, nodes?: ASTNode): GraphQLError {
  return new GraphQLError(error.message, {
    nodes,
    originalError: error,
    extensions: { http: { status: 400 } },
  });
}

export function depthLimitRule(maxDepth: number): ValidationRule {
  return maxDepthRule({
    n: maxDepth,
    propagateOnRejection: false,
    onReject: [
      (context, error) => {
        const found = /found (\d+)/.exec(error.message)?.[1] ?? 'more';
        context?.reportError(
          refusal(
            new AppError(
              'QUERY_TOO_DEEP',
              `The query nests ${found} levels deep, above the limit of ${maxDepth}`,
            ),
          ),
        );
      },
    ],
  }) as unknown as ValidationRule;
}

/**
 * A page costs its size times what each item holds (its edges are that page, not counted again);
 * a list without paging counts a few items.
 */
const pagedEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  // Introspection (a modeler or an IDE reading the schema) reads no data.
  if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
  if (field.args.some((arg) => arg.name === 'first')) {
    const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE;
    return 1 + childComplexity * first;
  }
  if (!isListType(getNullableType(field.type))) return undefined;
  if (type.name.endsWith('Connection')) return 1 + childComplexity;
  return 1 + childComplexity * UNPAGED_LIST_ITEMS;
};

/** QUERY_TOO_COSTLY when the operation would cost more than `maxCost`. */
export function checkCost(
  schema: GraphQLSchema,
  operation: {
    document: DocumentNode;
    variables?: Record<string, unknown> | null;
    operationName?: string | null;
  },
  maxCost: number,
): void {
  const cost = getComplexity({
    schema,
    query: operation.document,
    operationName: operation.operationName ?? undefined,
    variables: operation.variables ?? undefined,
    estimators: [pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
  if (cost > maxCost) {
    throw refusal(
      new AppError(
        'QUERY_TOO_COSTLY',
        `The query would cost ${cost}, above the limit of ${maxCost}: ask for smaller pages or fewer fields`,
      ),
    );
  }
}
