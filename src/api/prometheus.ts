import type { ApolloServerPlugin } from '@apollo/server';
import { requestPath } from './request-path';
import type express from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { metricsToken } from '../config';
import { operationalGauges } from '../store/gauges';
import type { Store } from '../store/store';
import { POLICY } from '../auth/policy';
import { PAGES } from './pages-route';

/**
 * The operations view of one server, in Prometheus' text format at `/metrics`: HTTP requests
 * by route and status with their latency, GraphQL operations by name and outcome, and, read
 * from the database at each scrape, open tasks, open incidents and how late due jobs are.
 * Labels come from fixed lists only (routes, the policy's operations), never from what a client
 * sends. Without METRICS_TOKEN only this machine may scrape; with it, `Authorization: Bearer`.
 */
export class OperationsMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'route' | 'method' | 'status'>;
  private readonly latency: Histogram<'route'>;
  private readonly operations: Histogram<'operation' | 'outcome'>;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    private readonly token = metricsToken(),
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'tthc_' });
    this.requests = new Counter({
      name: 'tthc_http_requests_total',
      help: 'HTTP requests by route, method and status',
      labelNames: ['route', 'method', 'status'],
      registers: [this.registry],
    });
    this.latency = new Histogram({
      name: 'tthc_http_request_duration_seconds',
      help: 'HTTP request latency by route',
      labelNames: ['route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.operations = new Histogram({
      name: 'tthc_graphql_operation_duration_seconds',
      help: 'GraphQL operations by root field and outcome',
      labelNames: ['operation', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    const read = () => operationalGauges(this.store, this.now());
    type Gauges = Awaited<ReturnType<typeof read>>;
    const gauge = (name: string, help: string, value: (gauges: Gauges) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        async collect() {
          this.set(value(await read()));
        },
      });
    gauge('tthc_open_tasks', 'User tasks open or claimed now', (g) => g.openTasks);
    gauge('tthc_open_incidents', 'Incidents waiting for an administrator', (g) => g.openIncidents);
    gauge(
      'tthc_job_lag_seconds',
      'How long the oldest due job that a runner may take has waited',
      (g) => g.jobLagSeconds,
    );
  }

  /** Counts every request when its response is sent. */
  readonly middleware: express.RequestHandler = (request, response, next) => {
    const end = this.latency.startTimer();
    response.on('finish', () => {
      const route = routeOf(requestPath(request));
      end({ route });
      this.requests.inc({ route, method: request.method, status: String(response.statusCode) });
    });
    next();
  };

  /** Times each GraphQL operation under its root field, when the policy knows it. */
  plugin(): ApolloServerPlugin {
    const operations = this.operations;
    return {
      async requestDidStart() {
        const started = process.hrtime.bigint();
        let operation = 'unknown';
        return {
          async didResolveOperation({ operation: document }) {
            const field = document?.selectionSet.selections.find((s) => s.kind === 'Field');
            const name = field && 'name' in field ? field.name.value : undefined;
            operation = name && name in POLICY ? name : 'other';
          },
          async willSendResponse({ response, errors }) {
            const failed =
              (errors?.length ?? 0) > 0 ||
              (response.body.kind === 'single' &&
                (response.body.singleResult.errors?.length ?? 0) > 0);
            operations.observe(
              { operation, outcome: failed ? 'error' : 'ok' },
              Number(process.hrtime.bigint() - started) / 1e9,
            );
          },
        };
      },
    };
  }

  /** `/metrics`: this machine, or whoever shows METRICS_TOKEN. */
  readonly route: express.RequestHandler = async (request, response) => {
    const allowed = this.token
      ? request.headers.authorization === `Bearer ${this.token}`
      : ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(request.socket.remoteAddress ?? '');
    if (!allowed) {
      response.status(403).type('text').send('forbidden\n');
      return;
    }
    response.type(this.registry.contentType).send(await this.registry.metrics());
  };
}

const ROUTES = [
  '/graphql',
  '/livez',
  '/readyz',
  '/healthz',
  '/metrics',
  '/forms',
  '/exports',
  '/app',
  ...PAGES.map((page) => `/${page}`),
];

function routeOf(path: string): string {
  return ROUTES.find((route) => path === route || path.startsWith(`${route}/`)) ?? 'other';
}
