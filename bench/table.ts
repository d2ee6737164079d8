import { cpuEach, perSecond, printTable, type Measurement } from './measure';
import { writesEach } from './writes';

const HEADER = [
  'benchmark',
  'count',
  'figure',
  'target',
  'CPU µs each',
  'PostgreSQL CPU µs each',
  'each: commits · rows · WAL',
];

/** The bench's printed table, a row at a time, and the ways its cells are written. */
export function createTable() {
  const rows: string[][] = [HEADER];
  /** A row of the table; the cells it leaves out are empty. */
  const row = (...cells: string[]) =>
    rows.push([...cells, ...Array<string>(HEADER.length - cells.length).fill('')]);
  const count = (n: number) => n.toLocaleString('en');
  const micros = (each: number | undefined) => each?.toFixed(1) ?? '';
  const cpu = (m: Measurement) => micros(cpuEach(m).node);
  const databaseCpu = (m: Measurement) => micros(cpuEach(m).database);
  const rate = (m: Measurement, unit: string) => `${count(Math.round(perSecond(m)))} ${unit}/s`;
  /**
   * A row of things done per second, with the CPU each took here and in the database, and what
   * each wrote there when that was counted.
   */
  const throughput = (name: string, m: Measurement, unit: string) =>
    row(
      name,
      count(m.count),
      rate(m, unit),
      '',
      cpu(m),
      databaseCpu(m),
      writesEach(m.writes, m.count),
    );
  return { row, count, micros, cpu, throughput, print: () => printTable(rows) };
}

export type Table = ReturnType<typeof createTable>;
