import pino, { type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    // A failed query's parameters may hold a password hash or a citizen's data: never logged.
    redact: { paths: ['err.parameters', 'err.driverError.parameters'], remove: true },
  });
}
