import { AppError } from '../errors';

const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 5;
/** Past this many names with failures, those whose failures are all old are forgotten. */
const MAX_TRACKED = 10_000;

/**
 * Slows down guessing (a password, a dossier's phone digits): after five failed attempts on one
 * key within fifteen minutes, that key is refused until the oldest failure is older than that.
 * Kept in this server process's memory (each server counts its own).
 */
export class AttemptLimit {
  private readonly failures = new Map<string, number[]>();

  /** `what` names the attempts in the refusal; `field` is the argument that names the key. */
  constructor(
    private readonly what: string,
    private readonly field: string,
  ) {}

  check(key: string, now: Date): void {
    const recent = this.recent(key, now);
    if (recent.length >= MAX_FAILURES) {
      const retryAt = new Date(recent[0] + WINDOW_MS);
      throw new AppError(
        'RATE_LIMITED',
        `Too many failed ${this.what} for '${key}': try again after ${retryAt.toISOString()}`,
        { field: this.field },
      );
    }
  }

  failed(username: string, now: Date): void {
    this.failures.set(username, [...this.recent(username, now), now.getTime()]);
    if (this.failures.size > MAX_TRACKED) this.forgetOld(now);
  }

  /** Names whose failures are all older than the window no longer need a place in memory. */
  private forgetOld(now: Date): void {
    for (const username of [...this.failures.keys()]) {
      if (this.recent(username, now).length === 0) this.failures.delete(username);
    }
  }

  succeeded(username: string): void {
    this.failures.delete(username);
  }

  private recent(username: string, now: Date): number[] {
    return (this.failures.get(username) ?? []).filter((at) => at > now.getTime() - WINDOW_MS);
  }
}
