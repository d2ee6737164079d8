import { execFile } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';

const MAIN = path.join(PROJECT_ROOT, 'dist/src/cli/main.js');

/**
 * Runs the built command line (`npm run build` first) with these settings, and no DATABASE_URL
 * unless given, `input` on its standard input: its exit code and what it wrote.
 */
export function cli(args: string[], env: Record<string, string>, input = '') {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      [MAIN, ...args],
      { env: { ...process.env, LOG_LEVEL: 'error', DATABASE_URL: '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}
