import { GraphQLError, Kind, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { AppError } from '../errors';
import { isDatabaseUnavailable } from '../store/unavailable';
import { userMessage } from './user-message';

/** Codes that Apollo and graphql-js give to requests that are malformed: safe to show as they are. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Turns what a resolver threw into what the client sees. An AppError keeps its message and gets
 * its code, details and the Vietnamese `userMessage` for officers and citizens as `extensions`; a
 * variable or argument that does not fit its type is BAD_USER_INPUT naming it; a malformed
 * request keeps graphql-js's message; anything else is a bug: it is logged with its stack and the
 * client only learns that it happened.
 */
export function formatErrorFor(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = appErrorIn(error);
    if (original instanceof AppError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          code: original.code,
          userMessage: userMessage(original.code, original.details),
          ...original.details,
        },
      };
    }
    const field = inputRefused(error);
    if (field !== undefined) {
      return {
        message: formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          code: 'BAD_USER_INPUT',
          userMessage: userMessage('BAD_USER_INPUT', { field }),
          field,
        },
      };
    }
    const code = formatted.extensions?.code;
    if (code === 'RATE_LIMITED') {
      // Refused before any resolver ran (see rate-limits.ts): its extensions say when to retry.
      const { http: _http, ...extensions } = formatted.extensions ?? {};
      return { message: formatted.message, extensions };
    }
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      return {
        message: formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code },
      };
    }
    if (isDatabaseUnavailable(original) || isDatabaseUnavailable(error)) {
      // Nothing of the call stayed (no commit); the client may send it again.
      logger.warn({ path: formatted.path }, 'database unavailable');
      return {
        message: 'The database is unavailable for a moment; nothing was changed, try again',
        path: formatted.path,
        extensions: {
          code: 'DATABASE_UNAVAILABLE',
          userMessage: userMessage('DATABASE_UNAVAILABLE', {}),
          retryable: true,
        },
      };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL request');
    return {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/** What was thrown, unwrapped: from a resolver, or refused before execution (see limits.ts). */
function appErrorIn(error: unknown): unknown {
  const unwrapped = unwrapResolverError(error);
  if (unwrapped instanceof GraphQLError && unwrapped.originalError instanceof AppError) {
    return unwrapped.originalError;
  }
  return unwrapped;
}

/** graphql-js's refusals of a variable, and of an argument, whose value does not fit its type. */
const VARIABLE_REFUSED =
  /^Variable "\$(\w+)" (?:got invalid value|has invalid value|of required type|of non-null type)/;
const ARGUMENT_REFUSED =
  /^Argument "(\w+)" (?:of required type|of non-null type|has invalid value|was provided the variable)/;

/**
 * The variable or argument a client sent wrong, when graphql-js refused it while coercing the
 * request's input (before any resolver ran); undefined for anything else. Apollo marks the
 * variables' refusals BAD_USER_INPUT but not the arguments' (e.g. null for a non-null argument
 * with a default), and graphql-ws marks neither: both are told here, once, for HTTP and WebSocket.
 */
function inputRefused(error: unknown): string | undefined {
  let current: unknown = unwrapResolverError(error);
  for (let depth = 0; current instanceof GraphQLError && depth < 5; depth++) {
    const variable = VARIABLE_REFUSED.exec(current.message);
    if (variable && current.nodes?.[0]?.kind === Kind.VARIABLE_DEFINITION) {
      // Within an input object or list: `at "input.applicant.kind"`, from the variable's name.
      return /^[^;]* at "([^"]+)";/.exec(current.message)?.[1] ?? variable[1];
    }
    // Made by graphql-js itself (a resolver's own error would be its originalError).
    const argument = ARGUMENT_REFUSED.exec(current.message);
    if (argument && current.originalError === undefined) return argument[1];
    current = current.originalError;
  }
  return undefined;
}
