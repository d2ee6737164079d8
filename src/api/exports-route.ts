import express from 'express';
import type { Authenticator } from '../auth/authenticate';
import { authorize } from '../auth/policy';
import type { Principal } from '../auth/principal';
import { trackingBook } from '../dossier/tracking-book';
import { AppError } from '../errors';
import { toCsv } from '../exports/csv';
import { toHtml } from '../exports/page';
import type { ExportTable } from '../exports/table';
import {
  dossierMetricsTable,
  serviceIndexTable,
  stepMetricsTable,
  trackingBookTable,
} from '../exports/tables';
import type { PdfPrinter } from '../one-stop-forms/pdf';
import { vnDateTime } from '../one-stop-forms/html';
import { dossierMetrics, type Dimension } from '../store/figures/dossier-metrics';
import { serviceIndex } from '../metrics/service-index';
import { stepMetrics } from '../metrics/step-metrics';
import { figuresOf } from '../metrics/summary';
import { shiftDate } from '../calendar/statutory-holidays';
import { officeCalendar } from '../store/calendars';
import { agencyNames } from '../store/officers';
import type { Store } from '../store/store';
import { sendRefusal } from './http-refusal';
import { DossierChannel } from './types/dossier.type';
import { MetricsDimension } from './types/metrics.type';
import { checkPeriod, metricsAgencies, metricsAgency } from './metrics-scope';

// The values GraphQL takes for the same arguments.
const DIMENSIONS = Object.keys(MetricsDimension) as Dimension[];
const CHANNELS = Object.keys(DossierChannel);

type Query = Record<string, unknown>;

interface Report {
  /** The GraphQL operation whose policy the download follows. */
  operation: string;
  table(store: Store, me: Principal, query: Query, now: Date): Promise<ExportTable>;
}

/**
 * Downloads of the tracking book and the metrics tables at `/exports/<report>` as CSV (default),
 * PDF or a printable page, for the officers who may run the same GraphQL query, with the same
 * scope: `tracking-book`, `dossier-metrics`, `step-metrics`, `service-index`; the period is
 * `from` and `to` (local dates, inclusive), other arguments as in GraphQL (lists comma-separated).
 */
export function exportsRoute(options: {
  store: Store;
  authenticate: Authenticator;
  now: () => Date;
  printer: PdfPrinter;
}): express.Router {
  const router = express.Router();
  router.get('/exports/:report', async (request, response, next) => {
    try {
      const report = REPORTS[request.params.report];
      if (!report) {
        throw new AppError(
          'NOT_FOUND',
          `There is no report '${request.params.report}': ${Object.keys(REPORTS).join(', ')}`,
        );
      }
      const now = options.now();
      const auth = await options.authenticate(request.headers.authorization, now);
      authorize(report.operation, auth.principal, auth.tokenError);
      const format = text(request.query, 'format') ?? 'csv';
      if (!['csv', 'pdf', 'html'].includes(format)) {
        throw new AppError('BAD_USER_INPUT', `A report downloads as csv, pdf or html`, {
          field: 'format',
        });
      }
      const table = await report.table(options.store, auth.principal!, request.query, now);
      response.set('cache-control', 'no-store');
      if (format === 'csv') {
        response
          .type('text/csv; charset=utf-8')
          .set('content-disposition', `attachment; filename="${table.name}.csv"`)
          .send(toCsv(table));
        return;
      }
      const page = toHtml(table, vnDateTime(now));
      if (format === 'html') {
        response.type('html').send(page);
        return;
      }
      response
        .type('pdf')
        .set('content-disposition', `attachment; filename="${table.name}.pdf"`)
        .send(await options.printer.print(page));
    } catch (error) {
      sendRefusal(error, response, next);
    }
  });
  return router;
}

const REPORTS: Record<string, Report> = {
  'tracking-book': {
    operation: 'trackingBook',
    async table(store, me, query) {
      const { from, to } = period(query);
      const calendar = await officeCalendar(store);
      const lines = await trackingBook(
        store,
        me.agency.code,
        new Date(calendar.startOfDate(from)),
        new Date(calendar.startOfDate(shiftDate(to, 1))),
      );
      return trackingBookTable(lines, me.agency.name, from, to);
    },
  },
  'dossier-metrics': {
    operation: 'dossierMetrics',
    async table(store, me, query, now) {
      const { from, to } = period(query);
      const groupBy = list(query, 'groupBy') ?? [];
      const unknown = groupBy.filter((d) => !DIMENSIONS.includes(d as Dimension));
      if (unknown.length > 0) {
        throw new AppError('BAD_USER_INPUT', `groupBy takes ${DIMENSIONS.join(', ')}`, {
          field: 'groupBy',
        });
      }
      const channel = text(query, 'channel');
      if (channel !== undefined && !CHANNELS.includes(channel)) {
        throw new AppError('BAD_USER_INPUT', `channel is one of ${CHANNELS.join(', ')}`, {
          field: 'channel',
        });
      }
      const agencyCodes = metricsAgencies(me, list(query, 'agencyCodes'), 'agencyCodes');
      const rows = await dossierMetrics(
        store,
        {
          from,
          to,
          agencyCodes,
          field: text(query, 'field'),
          procedureKey: text(query, 'procedureKey'),
          channel,
          officer: text(query, 'officer'),
        },
        groupBy as Dimension[],
        now,
        { p90: true },
      );
      const scope = agencyCodes ? (await namesOf(store, agencyCodes)).join(', ') : 'Tất cả cơ quan';
      return dossierMetricsTable(rows.map(figuresOf), groupBy as Dimension[], scope, from, to);
    },
  },
  'step-metrics': {
    operation: 'stepMetrics',
    async table(store, _me, query, now) {
      const { from, to } = period(query);
      const key = text(query, 'processDefinitionKey');
      if (!key) {
        throw new AppError('BAD_USER_INPUT', 'Name the process: processDefinitionKey', {
          field: 'processDefinitionKey',
        });
      }
      const version = text(query, 'version');
      if (version !== undefined && !/^[1-9]\d{0,5}$/.test(version)) {
        throw new AppError('BAD_USER_INPUT', 'version is a whole number', { field: 'version' });
      }
      const steps = await stepMetrics(store, {
        key,
        version: version === undefined ? undefined : Number(version),
        from,
        to,
        now,
      });
      return stepMetricsTable(steps, key, from, to);
    },
  },
  'service-index': {
    operation: 'serviceIndex',
    async table(store, me, query, now) {
      const { from, to } = period(query);
      const agency = metricsAgency(me, text(query, 'agencyCode'), 'agencyCode');
      const index = await serviceIndex(store, agency, { from, to }, now);
      return serviceIndexTable(index, (await namesOf(store, [agency]))[0]);
    },
  },
};

async function namesOf(store: Store, codes: string[]): Promise<string[]> {
  const names = await agencyNames(store, codes);
  return codes.map((code) => names.get(code) ?? code);
}

/** One text parameter (the last, if repeated), or undefined. */
function text(query: Query, name: string): string | undefined {
  const value = query[name];
  const last = Array.isArray(value) ? value[value.length - 1] : value;
  if (last === undefined || last === '') return undefined;
  if (typeof last !== 'string' || last.length > 255) {
    throw new AppError('BAD_USER_INPUT', `${name} is not a valid value`, { field: name });
  }
  return last;
}

function list(query: Query, name: string): string[] | undefined {
  return text(query, name)
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** The period: `from` and `to`, real dates YYYY-MM-DD, in order. */
function period(query: Query): { from: string; to: string } {
  const day = (name: string) => {
    const value = text(query, name);
    const date = new Date(`${value}T00:00:00Z`);
    const valid =
      value !== undefined &&
      /^\d{4}-\d{2}-\d{2}$/.test(value) &&
      !Number.isNaN(date.getTime()) &&
      date.toISOString().startsWith(value);
    if (!valid) {
      throw new AppError('BAD_USER_INPUT', `${name} is a date: YYYY-MM-DD`, { field: name });
    }
    return value;
  };
  const from = day('from');
  const to = day('to');
  checkPeriod(from, to);
  return { from, to };
}
