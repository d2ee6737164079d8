import type { Store } from '../store/store';
import type http from 'node:http';
import {
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
} from 'graphql';
import type { Context } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { Authentication, Authenticator } from '../auth/authenticate';
import type { ApiContext } from './context';
import type { ChangeFeed } from './change-feed';
import { formatErrorFor } from './errors';
import { AppError } from '../errors';
import type { Principal } from '../auth/principal';
import { depthLimitRule, refusal } from './limits';
import { checkRequest } from './request-checks';
import { createLoaders } from './loaders';

/** graphql-ws's close code for a connection whose sign-in no longer holds. */
const UNAUTHORIZED = 4401;
/** Subscriptions one connection may hold at once: a front-end needs a few. */
const MAX_SUBSCRIPTIONS = 20;
/** How long a proved sign-in is trusted before the next event proves it again. */
const RECHECK_MS = 5_000;

interface Connection {
  header: string;
  auth: Authentication;
  /** The last proof of the sign-in, and when it was made. */
  checked: { principal: Principal; at: number };
}

/**
 * GraphQL subscriptions over WebSocket (the graphql-ws protocol) at /graphql, on the same HTTP
 * server. The officer signs in once, with `{ authorization: "Bearer <token>" }` as the
 * connection's parameters; a connection without a valid token is refused (4403), and one whose
 * token stops holding (expired, officer deactivated) is closed (4401) at its next event.
 */
export async function serveSubscriptions(options: {
  httpServer: http.Server;
  schema: GraphQLSchema;
  store: Store;
  logger: Logger;
  now: () => Date;
  authenticate: Authenticator;
  authConfig: ApiContext['authConfig'];
  maxDepth: number;
  maxCost: number;
  feed: ChangeFeed;
  results: ApiContext['results'];
}): Promise<{ stop(): Promise<void> }> {
  const { store, logger, now, authenticate } = options;
  await options.feed.start();
  const feed = options.feed;
  const connections = new WeakMap<Context, Connection>();
  const format = formatErrorFor(logger);
  const formatAll = (errors: readonly GraphQLError[]) =>
    errors.map((error) => format(error.toJSON(), error));
  const wsServer = new WebSocketServer({ server: options.httpServer, path: '/graphql' });
  const cleanup = useServer(
    {
      schema: options.schema,
      validate: (schema, document) =>
        validate(schema, document, [...specifiedRules, depthLimitRule(options.maxDepth)]),
      onConnect: async (context) => {
        const header = context.connectionParams?.authorization;
        if (typeof header !== 'string') return false;
        const auth = await authenticate(header, now());
        if (!auth.principal) return false;
        connections.set(context, {
          header,
          auth,
          checked: { principal: auth.principal, at: now().getTime() },
        });
        return true;
      },
      // Before a subscription starts: not too many at once, its input checked and no costlier
      // than a query (request-checks.ts).
      onSubscribe: (context, _id, payload) =>
        refuseSubscription(options.schema, options.maxCost, context, payload),
      context: (context): ApiContext => {
        const connection = connections.get(context);
        const socket = (context.extra as { socket: { close(code: number, reason: string): void } })
          .socket;
        return {
          store,
          now,
          logger,
          auth: connection?.auth ?? {},
          authConfig: options.authConfig,
          loaders: createLoaders(store),
          results: options.results,
          changes: feed,
          recheck: () => recheck(connection, authenticate, now, socket),
        };
      },
      onNext: (_context, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: formatAll(result.errors) } : undefined,
      onError: (_context, _id, _payload, errors) => formatAll(errors),
    },
    wsServer,
  );
  return {
    stop: async () => {
      await cleanup.dispose();
      await feed.stop();
    },
  };
}

/**
 * Before a subscription starts: not too many at once, its input checked and no costlier than a
 * query (request-checks.ts). Errors refuse it; undefined lets it start.
 */
function refuseSubscription(
  schema: GraphQLSchema,
  maxCost: number,
  context: Context,
  payload: {
    query: string;
    variables?: Record<string, unknown> | null;
    operationName?: string | null;
  },
): GraphQLError[] | undefined {
  if (Object.keys(context.subscriptions).length >= MAX_SUBSCRIPTIONS) {
    return [
      refusal(
        new AppError('RATE_LIMITED', `At most ${MAX_SUBSCRIPTIONS} subscriptions per connection`),
      ),
    ];
  }
  let document: DocumentNode;
  try {
    document = parse(payload.query);
  } catch {
    return undefined; // graphql-ws answers the syntax error itself
  }
  try {
    checkRequest(schema, { ...payload, document }, maxCost);
  } catch (error) {
    return [error as GraphQLError];
  }
  return undefined;
}

/**
 * Proves the connection's token again (at most every RECHECK_MS): the officer may have been
 * deactivated or lost a role, or the token expired; the connection is then closed.
 */
async function recheck(
  connection: Connection | undefined,
  authenticate: Authenticator,
  now: () => Date,
  socket: { close(code: number, reason: string): void },
): Promise<Principal | undefined> {
  if (!connection) return undefined;
  const at = now().getTime();
  if (at - connection.checked.at < RECHECK_MS) return connection.checked.principal;
  const again = await authenticate(connection.header, now());
  if (again.principal) {
    connection.checked = { principal: again.principal, at };
    return again.principal;
  }
  socket.close(UNAUTHORIZED, again.tokenError?.message ?? 'Sign in again');
  return undefined;
}
