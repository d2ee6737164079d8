import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_OFFICE_HOURS } from '../calendar/defaults';
import type { OfficeHours, ReceptionHours, YearTable } from '../calendar/types';
import { officeHoursFrom, receptionHoursFrom, yearTableFrom } from '../calendar/validate';
import { WorkingCalendar } from '../calendar/working-calendar';
import { AppError } from '../errors';
import { CalendarTableEntity } from './entities';
import { preparedQuery } from './prepared';
import { managerOf, type Executor, type Store } from './store';

/** The deployed calendar's names and hashes as one text: it changes when any table does. */
export const CALENDAR_KEY = `COALESCE((SELECT string_agg(name || ':' || content_hash, ',' ORDER BY name)
   FROM calendar_table), '')`;

/**
 * A calendar file to deploy: `office` (the working hours deadlines count), a year (its official
 * table), or `reception.<agency code>` (that agency's reception hours).
 */
export interface CalendarFile {
  name: string;
  content: unknown;
  source?: string | null;
}

const RECEPTION = /^reception\.([a-z0-9][a-z0-9._-]*)$/;
const CALENDAR_NAME = /^(office|\d{4}|reception\.[a-z0-9][a-z0-9._-]*)$/;

/**
 * Reads processes/calendars/: `office.json`, one `YYYY.json` per year and a
 * `reception.<agency code>.json` per agency with hours of its own. A file that is not JSON is
 * named in the error.
 */
export async function readCalendarFiles(directory: string): Promise<CalendarFile[]> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch {
    return [];
  }
  const files: CalendarFile[] = [];
  for (const file of names.filter((n) => CALENDAR_NAME.test(n.replace(/\.json$/, ''))).sort()) {
    const text = await readFile(path.join(directory, file), 'utf8');
    try {
      files.push({ name: file.replace(/\.json$/, ''), content: JSON.parse(text), source: file });
    } catch (error) {
      throw new AppError('BAD_USER_INPUT', `${file}: ${(error as Error).message}`, { key: file });
    }
  }
  return files;
}

/**
 * Deploys calendar files in one transaction, each checked first: a file whose content is already
 * deployed changes nothing. Returns the names that changed.
 */
export async function deployCalendars(
  store: Store,
  files: CalendarFile[],
  now: Date,
): Promise<string[]> {
  const checked = files.map((file) => ({ ...file, content: checkedContent(file) }));
  return store.transaction(async ({ manager }) => {
    const changed: string[] = [];
    for (const file of checked) {
      const contentHash = hashOf(file.content);
      const current = await manager.findOneBy(CalendarTableEntity, { name: file.name });
      if (current?.contentHash === contentHash) continue;
      await manager.upsert(
        CalendarTableEntity,
        {
          name: file.name,
          content: file.content,
          contentHash,
          source: file.source ?? null,
          deployedAt: now,
        },
        ['name'],
      );
      changed.push(file.name);
    }
    return changed;
  });
}

/**
 * The calendar the files make: their office hours (or the default ones), year tables and the
 * agencies' reception hours.
 */
export function calendarOf(files: CalendarFile[]): WorkingCalendar {
  const office = files.find((file) => file.name === 'office');
  const receptions = new Map<string, ReceptionHours>();
  for (const file of files) {
    const agency = RECEPTION.exec(file.name)?.[1];
    if (agency) receptions.set(agency, receptionHoursFrom(file.content, file.source ?? file.name));
  }
  return new WorkingCalendar(
    office ? officeHoursFrom(office.content, office.source ?? 'office') : DEFAULT_OFFICE_HOURS,
    files
      .filter((file) => /^\d{4}$/.test(file.name))
      .map((file) => yearTableFrom(file.content, file.source ?? file.name)),
    receptions,
  );
}

function checkedContent(file: CalendarFile): OfficeHours | ReceptionHours | YearTable {
  const label = file.source ?? file.name;
  if (file.name === 'office') return officeHoursFrom(file.content, label);
  if (RECEPTION.test(file.name)) return receptionHoursFrom(file.content, label);
  if (!/^\d{4}$/.test(file.name)) {
    throw new AppError(
      'BAD_USER_INPUT',
      `'${file.name}' is not 'office', a year or 'reception.<agency code>'`,
      { field: 'name', key: file.name },
    );
  }
  const table = yearTableFrom(file.content, label);
  if (String(table.year) !== file.name) {
    throw new AppError('BAD_USER_INPUT', `${label}: 'year' is ${table.year}, not ${file.name}`, {
      field: 'year',
      key: label,
    });
  }
  return table;
}

function hashOf(content: unknown): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

let cached: { key: string; calendar: WorkingCalendar } | undefined;

/**
 * The deployed calendar: the office's hours (or the default ones) and every year's table. Read
 * on each use by a cheap look at the hashes, so a calendar deployed by one server process is
 * used by all of them at once. A caller that already read the hashes in another query (the
 * instance lock does, see CALENDAR_KEY) passes them as `key` and saves the round trip.
 */
export async function officeCalendar(
  executor: Executor,
  knownKey?: string,
): Promise<WorkingCalendar> {
  const manager = managerOf(executor);
  const key =
    knownKey ??
    (await preparedQuery<{ key: string }>(manager, `SELECT ${CALENDAR_KEY} AS key`, []))[0].key;
  if (cached?.key === key) return cached.calendar;
  const tables = await manager.getRepository(CalendarTableEntity).find({ order: { name: 'ASC' } });
  const calendar = calendarOf(tables);
  cached = { key, calendar };
  return calendar;
}
