/**
 * PostgreSQL's codes for "the server cannot serve you now": shutting down or restarting,
 * starting up, connections failing, too many of them. A call that met one changed nothing that
 * stayed (its transaction did not commit) and may be sent again.
 */
const UNAVAILABLE_CODES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000', // connection_exception
  '08001',
  '08003',
  '08004',
  '08006',
  '53300', // too_many_connections
]);

const UNAVAILABLE_SYSTEM_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/** TypeORM's word for "the connection under this transaction went away before it finished". */
const CONNECTION_LOST = new Set([
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
]);

const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /the database system is (starting up|shutting down)/i,
];

/** Whether an error, or one it wraps, says the database could not be reached or went away. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const { code, message, name, driverError, originalError, cause, thrownValue } = error as Record<
    string,
    unknown
  >;
  if (typeof name === 'string' && CONNECTION_LOST.has(name)) return true;
  if (
    typeof code === 'string' &&
    (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_SYSTEM_ERRORS.has(code))
  ) {
    return true;
  }
  if (
    typeof message === 'string' &&
    UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))
  ) {
    return true;
  }
  // Wrapped by TypeORM (driverError), graphql-js (originalError; thrownValue for a non-Error).
  return [driverError, originalError, cause, thrownValue].some((inner) =>
    isDatabaseUnavailable(inner, depth + 1),
  );
}
