import { cpuUsage } from 'node:process';
import type { Writes, WritesCounter } from './writes';

export interface Measurement {
  count: number;
  seconds: number;
  /** This process's CPU time (user + system). */
  cpuSeconds: number;
  /** The database server's CPU time, when a clock of it was given and it could be read. */
  databaseCpuSeconds?: number;
  /** What the database was written meanwhile, when counted (see writes.ts). */
  writes?: Writes;
}

/** A clock of the database server's CPU seconds (see postgres-cpu.ts); null where unreadable. */
export type CpuClock = (() => number) | null;

/** Runs `work` and reports wall time, the process's CPU time and the database's, if clocked. */
export async function measure(
  count: number,
  work: () => Promise<void> | void,
  databaseCpu: CpuClock = null,
): Promise<Measurement> {
  const databaseBefore = databaseCpu?.();
  const cpuBefore = cpuUsage();
  const start = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = cpuUsage(cpuBefore);
  const databaseAfter = databaseCpu?.();
  return {
    count,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    ...(databaseBefore !== undefined &&
      databaseAfter !== undefined && { databaseCpuSeconds: databaseAfter - databaseBefore }),
  };
}

/** Runs `work` `rounds` times, one after another, and measures them together. */
export function measureRounds(rounds: number, work: () => Promise<unknown>): Promise<Measurement> {
  return measure(rounds, async () => {
    for (let i = 0; i < rounds; i++) await work();
  });
}

/** The CPU time one unit took, in microseconds: this process's, and the database's if clocked. */
export function cpuEach(m: Measurement): { node: number; database?: number } {
  const each = (seconds: number) => (seconds / m.count) * 1e6;
  return {
    node: each(m.cpuSeconds),
    ...(m.databaseCpuSeconds !== undefined && { database: each(m.databaseCpuSeconds) }),
  };
}

export function perSecond(m: Measurement): number {
  return m.count / m.seconds;
}

/** Prints rows as an aligned text table. */
export function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows)
    console.log(row.map((cell, column) => cell.padEnd(widths[column])).join('  '));
}

/**
 * Runs `unit` `units` times, `concurrency` at a time, and measures it, after a tenth as many (at
 * least one a worker) to warm up: the JIT, and each connection prepares its statements. A unit
 * counts `countEach` (an instance worked to its end counts its steps). `writes` counts what the
 * database is written during the measured part.
 */
export async function measureConcurrently(
  units: number,
  concurrency: number,
  unit: () => Promise<void>,
  options: { countEach?: number; databaseCpu?: CpuClock; writes?: WritesCounter } = {},
): Promise<Measurement> {
  let started = 0;
  let last = 0;
  const worker = async () => {
    while (started < last) {
      started += 1;
      await unit();
    }
  };
  const run = async (count: number) => {
    last += count;
    await Promise.all(Array.from({ length: concurrency }, worker));
  };
  await run(Math.max(Math.ceil(units / 10), concurrency));
  const count = units * (options.countEach ?? 1);
  const stopCounting = await options.writes?.();
  const measured = await measure(count, () => run(units), options.databaseCpu ?? null);
  return stopCounting ? { ...measured, writes: await stopCounting() } : measured;
}
