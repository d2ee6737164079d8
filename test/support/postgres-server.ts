import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from './free-port';

/** A PostgreSQL server of a test's own, in a child process (see postgres-process.mjs). */
export interface PostgresServer {
  url: string;
  /** Stops PostgreSQL, keeping its folder and the child process. */
  stop(): Promise<void>;
  /** Starts it again after `stop`. */
  start(): Promise<void>;
  /** Stops PostgreSQL and ends the child process. */
  close(): Promise<void>;
}

/**
 * Starts PostgreSQL on `dataDir` (created by the package unless it holds a cluster already, which
 * PostgreSQL's own user must own), with continuous archiving into `archiveDir` when given, and
 * WAL for logical replication when asked.
 */
export async function startPostgresServer(options: {
  dataDir: string;
  database: string;
  archiveDir?: string;
  logicalReplication?: boolean;
}): Promise<PostgresServer> {
  const { archiveDir, logicalReplication } = options;
  const more = JSON.stringify({ archiveDir, logicalReplication });
  const args = [options.dataDir, String(await freePort()), options.database, more];
  const child = spawn(process.execPath, [path.join(__dirname, 'postgres-process.mjs'), ...args], {
    stdio: 'pipe',
  });
  child.stderr.on('data', (chunk) => process.stderr.write(`[postgres] ${String(chunk)}`));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  /** Sends a command and waits for the line that answers it. */
  const tell = (command: string | null, answer: string) =>
    new Promise<string>((resolve, reject) => {
      let buffer = '';
      const onData = (chunk: Buffer) => {
        buffer += String(chunk);
        const line = buffer.split('\n').find((l) => l.startsWith(answer));
        if (line) {
          child.stdout.off('data', onData);
          resolve(line.slice(answer.length).trim());
        }
      };
      child.stdout.on('data', onData);
      void exited.then((code) => reject(new Error(`PostgreSQL process exited (${code})`)));
      if (command) child.stdin.write(`${command}\n`);
    });
  const url = await tell(null, 'ready');
  return {
    url,
    stop: async () => {
      await tell('stop', 'stopped');
    },
    start: async () => {
      await tell('start', 'ready');
    },
    close: async () => {
      child.stdin.end();
      await exited;
    },
  };
}
