import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createApiServer } from '../api/server';
import type { Config } from '../config';
import { JobHandlers } from '../jobs/handlers';
import { startJobRunner, type JobRunnerOptions } from '../jobs/runner';
import { transportsFrom } from '../jobs/notify/transports';
import path from 'node:path';
import { deployCalendars, readCalendarFiles } from '../store/calendars';
import { deployDirectory } from '../store/deploy-directory';
import { seedDemo, type DemoMode } from '../demo/seed-demo';
import { openDatabase } from '../store/open-database';
import { prepareNationalDatabase } from '../store/national/national-database';
import { ensureMonthPartitions } from '../store/partitions';
import type { Store } from '../store/store';

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * `npm start`: opens the database (embedded when DATABASE_URL is unset) and migrates it, deploys
 * every changed process under processes/, seeds the demo commune (by default on the embedded
 * database only), serves GraphQL and runs due jobs until stopped. With NATIONAL_REPORTING, it
 * serves a national database's figures only: no deployment, no demo, no jobs, no changes.
 */
export async function serve(
  config: Config,
  logger: Logger,
  options: { handlers?: JobHandlers; demo?: DemoMode } = {},
): Promise<RunningServer> {
  if (config.nationalReporting && options.demo !== undefined && options.demo !== 'none') {
    throw new Error('NATIONAL_REPORTING is set: a national database is never seeded (--demo)');
  }
  const database = await openDatabase(config, logger);
  try {
    const now = () => new Date();
    let stopUpkeep = () => {};
    if (config.nationalReporting) {
      await prepareNationalDatabase(database.store);
      stopUpkeep = await keepMonthPartitions(database.store, logger);
      logger.info("national reporting: the provinces' figures, read only; no jobs, no deployments");
    } else {
      await deployAll(database.store, config, logger, now);
      // Known passwords: never on a production server unless asked for by name.
      const demo = options.demo ?? (database.embedded && !config.production ? 'history' : 'none');
      await seedDemo(database.store, now(), logger, demo);
    }
    const api = await createApiServer({
      store: database.store,
      logger,
      now,
      tokenMinutes: config.tokenMinutes,
      identityProvider: config.identityProvider,
      queryLimits: config.queryLimits,
      rateLimits: config.rateLimits,
      trustProxy: config.trustProxy,
      nationalReporting: config.nationalReporting,
      bankNoticeSecret: config.bankNoticeSecret,
      portalSubmissionSecret: config.portalSubmissionSecret,
      signing: config.signing,
    });
    // The national database's rows are the provinces': nothing runs on them here.
    const runner = config.nationalReporting
      ? undefined
      : await startJobRunner({
          store: database.store,
          handlers: options.handlers ?? new JobHandlers(),
          now,
          pollMs: config.jobPollMs,
          lockSeconds: config.jobLockSeconds,
          logger,
          outbox: outboxOf(config),
        });
    await new Promise<void>((resolve, reject) => {
      api.httpServer.once('error', reject);
      api.httpServer.listen(config.port, resolve);
    });
    const { port } = api.httpServer.address() as AddressInfo;
    const url = `http://localhost:${port}/graphql`;
    logger.info(
      { url, ready: `http://localhost:${port}/readyz`, embeddedDatabase: database.embedded },
      `listening on ${url}`,
    );
    return {
      url,
      stop: async () => {
        await api.stop();
        await runner?.stop();
        stopUpkeep();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * Makes the coming months' partitions now and each day, as a job runner does: a national
 * server runs none, and the provinces' dossiers arrive every month. Returns how to stop.
 */
async function keepMonthPartitions(store: Store, logger: Logger): Promise<() => void> {
  const make = () =>
    ensureMonthPartitions(store).then(
      (made) => (made > 0 ? logger.info({ made }, 'month partitions made') : undefined),
      (error: unknown) => logger.error({ err: error }, 'month partitions not made'),
    );
  await make();
  const daily = setInterval(() => void make(), 24 * 3_600_000);
  daily.unref();
  return () => clearInterval(daily);
}

/**
 * `tthc-engine runner`: runs due jobs only, without HTTP, to add job capacity beside the servers
 * sharing the database.
 */
export async function runJobsOnly(
  config: Config,
  logger: Logger,
  options: { handlers?: JobHandlers } = {},
): Promise<{ stop(): Promise<void> }> {
  const database = await openDatabase(config, logger);
  const runner = await startJobRunner({
    store: database.store,
    handlers: options.handlers ?? new JobHandlers(),
    now: () => new Date(),
    pollMs: config.jobPollMs,
    lockSeconds: config.jobLockSeconds,
    logger,
    outbox: outboxOf(config),
  });
  logger.info({ runner: runner.id }, 'running jobs');
  return {
    stop: async () => {
      await runner.stop();
      await database.close();
    },
  };
}

/** Deploys the calendars, then every step form and process under processes/, logging each. */
async function deployAll(
  store: Store,
  config: Config,
  logger: Logger,
  now: () => Date,
): Promise<void> {
  const calendarsDir = path.join(config.processesDir, 'calendars');
  const calendars = await deployCalendars(store, await readCalendarFiles(calendarsDir), now());
  logger.info({ dir: calendarsDir, changed: calendars }, 'calendars deployed');
  const deployed = await deployDirectory(store, config.processesDir, now);
  for (const { file, form, changed } of deployed.forms) {
    logger.info(
      { file, form: `${form.formId} v${form.version}`, changed },
      changed ? 'deployed' : 'unchanged',
    );
  }
  for (const { file, result } of deployed.decisions) {
    const versions = result.decisions.map((d) => `${d.key} v${d.version}`).join(', ');
    logger.info(
      { file, decisions: versions, changed: result.changed },
      result.changed ? 'deployed' : 'unchanged',
    );
  }
  for (const { file, result } of deployed.processes) {
    const versions = result.definitions.map((d) => `${d.key} v${d.version}`).join(', ');
    logger.info(
      { file, definitions: versions, changed: result.changed },
      result.changed ? 'deployed' : 'unchanged',
    );
    for (const warning of result.warnings) logger.warn({ file, ...warning }, 'BPMN warning');
  }
}

/** Where this server's outbox goes, as configured. */
function outboxOf(config: Config): JobRunnerOptions['outbox'] {
  return { transports: transportsFrom(config.notifications), portal: config.portalSync };
}
