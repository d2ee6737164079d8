import { cpuUsage } from 'node:process';

export interface Measurement {
  count: number;
  seconds: number;
  cpuSeconds: number;
}

/** Runs `work` and reports wall time and the process's CPU time (user + system). */
export async function measure(
  count: number,
  work: () => Promise<void> | void,
): Promise<Measurement> {
  const cpuBefore = cpuUsage();
  const start = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = cpuUsage(cpuBefore);
  return { count, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
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
