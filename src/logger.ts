import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream, type Logger } from 'pino';

/** What every log line written while serving one request carries: its id. */
export const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/** The service's logger: JSON lines to standard output, or to `destination`. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    // A failed query's parameters may hold a password hash or a citizen's data: never logged.
    redact: { paths: ['err.parameters', 'err.driverError.parameters'], remove: true },
    mixin: () => requestScope.getStore() ?? {},
  };
  return destination ? pino(options, destination) : pino(options);
}
