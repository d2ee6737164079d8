import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OfficeHours, YearTable } from './types';
import { WorkingCalendar } from './working-calendar';

/**
 * The office's calendar from processes/calendars/: `office.json` (hours, cut-off) and one
 * `YYYY.json` table per year, which an administrator edits and deploys like a process.
 */
export async function loadCalendar(directory: string): Promise<WorkingCalendar> {
  const office = JSON.parse(
    await readFile(path.join(directory, 'office.json'), 'utf8'),
  ) as OfficeHours;
  const tables: YearTable[] = [];
  for (const file of (await readdir(directory))
    .filter((name) => /^\d{4}\.json$/.test(name))
    .sort()) {
    tables.push(JSON.parse(await readFile(path.join(directory, file), 'utf8')) as YearTable);
  }
  return new WorkingCalendar(office, tables);
}
