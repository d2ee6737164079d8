import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Logger } from 'pino';
import { createAuthenticator, type Authenticator } from '../auth/authenticate';
import type { IdentityProvider, QueryLimits, RateLimits, SigningSettings } from '../config';
import type { ApiContext } from './context';
import { formatErrorFor } from './errors';
import { OperationsMetrics } from './prometheus';
import { PdfPrinter } from '../one-stop-forms/pdf';
import { ResultSigner } from '../one-stop-forms/result-signing';
import { signedResultRoute } from './signed-result-route';
import { bankNoticeRoute } from './bank-notice-route';
import { exportsRoute } from './exports-route';
import { oneStopFormsRoute } from './one-stop-forms-route';
import { pagesRoute } from './pages-route';
import { papersRoute } from './papers-route';
import { portalSubmissionRoute } from './portal-submission-route';
import { DEFAULT_QUERY_LIMITS } from '../config';
import { depthLimitRule } from './limits';
import { requestChecksPlugin } from './request-checks';
import { createLoaders } from './loaders';
import { ChangeFeed, ChangeStreams } from './change-feed';
import { buildApiSchema } from './schema';
import { healthRoutes } from './health';
import { clientRateLimit, officerRateLimit } from './rate-limits';
import { requestLog } from './request-log';
import type { Store } from '../store/store';
import { serveSubscriptions } from './websocket';

export interface ApiServer {
  app: express.Express;
  httpServer: http.Server;
  stop(): Promise<void>;
}

export interface ApiOptions {
  store: Store;
  logger: Logger;
  now?: () => Date;
  /** Request bodies above this are refused before parsing (a BPMN file is far smaller). */
  bodyLimit?: string;
  /** How long sign-in tokens last (default 480 minutes). */
  tokenMinutes?: number;
  /** An external identity provider whose tokens are accepted too. */
  identityProvider?: IdentityProvider;
  /** How deep and how costly one query may be (DEFAULT_QUERY_LIMITS). */
  queryLimits?: QueryLimits;
  /** Prints forms to PDF (default: Debian's Chromium, or CHROMIUM_PATH). */
  printer?: PdfPrinter;
  /** Requests per client address and per officer (none unless given; `serve` gives the settings). */
  rateLimits?: RateLimits;
  /** Which proxies' X-Forwarded-For to believe for the client's address (Express's `trust proxy`). */
  trustProxy?: string | false;
  /**
   * A national reporting server: sign-in and the figures only (see national-reporting.ts); no
   * forms or downloads, which read a province's dossiers.
   */
  nationalReporting?: boolean;
  /** The secret banks sign their payment notices with (BANK_NOTICE_SECRET); none: no notices. */
  bankNoticeSecret?: string;
  /** The secret portals sign their online submissions with (PORTAL_SUBMISSION_SECRET); none: none taken. */
  portalSubmissionSecret?: string;
  /** The leaders' certificates and the trusted CAs (SIGNING_*); none: results are not signed. */
  signing?: SigningSettings;
}

/**
 * The HTTP face of the engine: GraphQL at /graphql (subscriptions over WebSocket on the same
 * path), liveness at /livez and readiness at /readyz (see health.ts). The server is returned
 * unstarted (not listening) so that tests can hand it to supertest.
 */
export async function createApiServer(options: ApiOptions): Promise<ApiServer> {
  const { store, logger } = options;
  const now = options.now ?? (() => new Date());
  const authenticate = await createAuthenticator(store, options.identityProvider);
  const authConfig = { tokenMinutes: options.tokenMinutes ?? 480 };
  const app = express();
  app.disable('x-powered-by');
  const edge = serveEdge(app, options);
  const httpServer = http.createServer(app);
  const feed = new ChangeFeed(store, logger, new ChangeStreams());
  const schema = await buildApiSchema(feed.streams, {
    nationalReporting: options.nationalReporting,
  });
  const limits = options.queryLimits ?? DEFAULT_QUERY_LIMITS;
  const operations = new OperationsMetrics(store, now);
  app.use(operations.middleware);
  const printer = options.printer ?? new PdfPrinter();
  const results = new ResultSigner(printer, options.signing);
  const apollo = new ApolloServer<ApiContext>({
    schema,
    formatError: formatErrorFor(logger),
    includeStacktraceInErrorResponses: false,
    validationRules: [depthLimitRule(limits.maxDepth)],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // We give no cache hints; without this Apollo wraps every field of every answer to read them.
      ApolloServerPluginCacheControlDisabled(),
      requestChecksPlugin(schema, limits.maxCost),
      operations.plugin(),
    ],
  });
  await apollo.start();
  const subscriptions = await serveSubscriptions({
    httpServer,
    schema,
    store,
    logger,
    now,
    authenticate,
    authConfig,
    maxDepth: limits.maxDepth,
    maxCost: limits.maxCost,
    feed,
    results,
  });

  app.get('/metrics', operations.route);
  if (!options.nationalReporting)
    serveDownloads(app, options, { authenticate, now, printer, results });
  app.use(pagesRoute());
  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimit ?? '8mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const auth = await authenticate(req.headers.authorization, now());
        if (auth.principal) edge.limitOfficer?.(auth.principal.username);
        return { store, now, logger, auth, authConfig, loaders: createLoaders(store), results };
      },
    }),
  );
  app.use(bodyErrorHandler);
  app.use(lastErrorHandler(logger));

  return {
    app,
    httpServer,
    stop: async () => {
      edge.stopping = true;
      await subscriptions.stop();
      await apollo.stop();
      await printer.close();
    },
  };
}

/**
 * The routes besides GraphQL that read or write a province's dossiers: the forms, the exports,
 * the papers' files, the signed results, and the notices banks and portals send.
 */
function serveDownloads(
  app: express.Express,
  options: ApiOptions,
  served: {
    authenticate: Authenticator;
    now: () => Date;
    printer: PdfPrinter;
    results: ResultSigner;
  },
): void {
  const { store, logger } = options;
  const { authenticate, now, printer, results } = served;
  app.use(oneStopFormsRoute({ store, authenticate, now, logger, printer }));
  app.use(exportsRoute({ store, authenticate, now, printer }));
  app.use(papersRoute({ store, authenticate, now }));
  app.use(signedResultRoute({ store, authenticate, now, results }));
  if (options.bankNoticeSecret)
    app.use(bankNoticeRoute({ store, secret: options.bankNoticeSecret, now }));
  if (options.portalSubmissionSecret)
    app.use(portalSubmissionRoute({ store, secret: options.portalSubmissionSecret, now }));
}

/**
 * What every request meets first: its id and its log line, the health routes (never limited),
 * and the limit per client address. `stopping` turns readiness off while the server drains.
 */
function serveEdge(app: express.Express, options: ApiOptions) {
  app.set('trust proxy', options.trustProxy ?? false);
  app.use(requestLog(options.logger));
  const edge = { stopping: false, limitOfficer: null as ((username: string) => void) | null };
  app.use(healthRoutes(options.store, { stopping: () => edge.stopping }));
  const rates = options.rateLimits ?? { perClient: null, perOfficer: null };
  const limitClient = clientRateLimit(rates);
  if (limitClient) app.use(limitClient);
  edge.limitOfficer = officerRateLimit(rates);
  return edge;
}

/**
 * A body that is too large or not JSON never reaches GraphQL; answer in GraphQL's error shape so
 * that clients handle it like any other refused request.
 */
const bodyErrorHandler: express.ErrorRequestHandler = (error, _request, response, next) => {
  const type = (error as { type?: string }).type;
  if (type === 'entity.too.large') {
    response.status(413).json({
      errors: [
        { message: 'The request body is too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } },
      ],
    });
  } else if (type === 'entity.parse.failed') {
    response.status(400).json({
      errors: [
        { message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } },
      ],
    });
  } else {
    next(error);
  }
};

/** Anything else that reaches Express is a bug: logged with its stack, never shown to the client. */
function lastErrorHandler(logger: Logger): express.ErrorRequestHandler {
  return (error, request, response, _next) => {
    logger.error({ err: error, path: request.path }, 'unexpected error in an HTTP request');
    response.status(500).json({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
  };
}
