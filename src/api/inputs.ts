import type { Variables } from '../engine/types';
import { AppError } from '../errors';

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
  const size = Buffer.byteLength(JSON.stringify(value), 'utf8');
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

/** Cursors are opaque to clients; inside they carry the task's sequence number. */
export function encodeCursor(seq: string): string {
  return Buffer.from(`task:${seq}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  const match = /^task:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match)
    throw new AppError('BAD_USER_INPUT', `'after' is not a cursor this API gave out`, {
      field: 'after',
    });
  return match[1];
}

/** A required text argument that must not be blank. */
export function requiredText(value: string, field: string): string {
  const text = value.trim();
  if (text === '') throw new AppError('BAD_USER_INPUT', `'${field}' must not be empty`, { field });
  return text;
}
