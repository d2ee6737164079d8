import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { Loaders } from './loaders';

/** What every resolver receives: the database, the clock and the request's logger. */
export interface ApiContext {
  dataSource: DataSource;
  /** The current time; injected so tests can fix it. */
  now: () => Date;
  logger: Logger;
  /** The office's working calendar (days off, hours, the 15:00 rule). */
  calendar: WorkingCalendar;
  /** Per-request batching of look-ups that many fields make (one query for a page of tasks). */
  loaders: Loaders;
}
