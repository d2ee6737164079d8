import type { Variables } from '../engine/types';
import { AppError } from '../errors';
import { isUuid } from '../store/instances';

/** Variables above this size are refused: a dossier's data is small, a 1 MB blob is a mistake. */
export const MAX_VARIABLES_BYTES = 256 * 1024;

/** Checks a JSON argument meant as process variables: an object of named values, not too big. */
export function variablesInput(value: unknown, field: string): Variables {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new AppError('BAD_USER_INPUT', `'${field}' must be a JSON object of named values`, {
      field,
    });
  }
  if (hasProtoKey(value)) {
    throw new AppError('BAD_USER_INPUT', `'${field}' may not use the name '__proto__'`, { field });
  }
  const json = JSON.stringify(value);
  if (json.includes('\\u0000')) {
    throw new AppError('BAD_USER_INPUT', `'${field}' may not contain the NUL character (\\u0000)`, {
      field,
    });
  }
  const size = Buffer.byteLength(json, 'utf8');
  if (size > MAX_VARIABLES_BYTES) {
    throw new AppError(
      'BAD_USER_INPUT',
      `'${field}' is ${size} bytes; at most ${MAX_VARIABLES_BYTES} are accepted`,
      {
        field,
      },
    );
  }
  return value as Variables;
}

/** `__proto__` as a name would change an object's prototype instead of setting a variable. */
function hasProtoKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasProtoKey);
  if (value === null || typeof value !== 'object') return false;
  return Object.keys(value).some(
    (key) => key === '__proto__' || hasProtoKey((value as Record<string, unknown>)[key]),
  );
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function pageSizeInput(first: number | undefined): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new AppError('BAD_USER_INPUT', `'first' must be from 1 to ${MAX_PAGE_SIZE}`, {
      field: 'first',
    });
  }
  return first;
}

/** Cursors are opaque to clients; inside they carry the keys of the item they follow. */
export function encodeCursor(text: string): string {
  return Buffer.from(text).toString('base64url');
}

/** The parts of a cursor this API gave out, as `shape` matches them; BAD_USER_INPUT otherwise. */
export function decodeCursor(cursor: string, shape: RegExp): string[] {
  const match = shape.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) {
    throw new AppError('BAD_USER_INPUT', `'after' is not a cursor this API gave out`, {
      field: 'after',
    });
  }
  return match.slice(1);
}

/** At most 18 digits: always within PostgreSQL's bigint. */
const SEQ = '(\\d{1,18})';
const TASK_CURSOR = new RegExp(`^task:${SEQ}$`);

/** A cursor of the tasks list: the task's sequence number. */
export const taskCursor = {
  encode: (seq: string) => encodeCursor(`task:${seq}`),
  decode: (cursor: string | undefined | null): string | undefined =>
    cursor === undefined || cursor === null ? undefined : decodeCursor(cursor, TASK_CURSOR)[0],
};

/** Keys, codes and names are stored as varchar(255). */
export const MAX_NAME_LENGTH = 255;

/** A required name-like argument (a key, an officer, a dossier code): not blank, not too long. */
export function requiredText(value: string, field: string): string {
  const text = optionalText(value, field);
  if (text === undefined)
    throw new AppError('BAD_USER_INPUT', `'${field}' must not be empty`, { field });
  return text;
}

/** An optional name-like argument: trimmed, at most 255 characters, no NUL; blank means absent. */
export function optionalText(value: string | null | undefined, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = value.trim();
  if (text.length > MAX_NAME_LENGTH) {
    throw new AppError(
      'BAD_USER_INPUT',
      `'${field}' is longer than ${MAX_NAME_LENGTH} characters`,
      { field },
    );
  }
  if (text.includes('\u0000')) {
    throw new AppError('BAD_USER_INPUT', `'${field}' may not contain the NUL character`, { field });
  }
  return text === '' ? undefined : text;
}

/** An id argument of something stored under a UUID; anything else cannot name it. */
export function optionalId(value: string | null | undefined, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isUuid(value))
    throw new AppError('BAD_USER_INPUT', `'${field}' is not an id this API gave out`, { field });
  return value;
}

/** A whole number within bounds, or an error naming the field. */
export function rangeInput(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AppError('BAD_USER_INPUT', `'${field}' must be from ${min} to ${max}`, { field });
  }
  return value;
}
