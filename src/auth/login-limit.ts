import { AppError } from '../errors';

const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 5;
/** Past this many names with failures, those whose failures are all old are forgotten. */
const MAX_TRACKED = 10_000;

/**
 * Slows down password guessing: after five failed sign-ins for a username within fifteen
 * minutes, that username is refused until the oldest failure is older than that. Kept in this
 * server process's memory (each server counts its own).
 */
export class LoginLimit {
  private readonly failures = new Map<string, number[]>();

  check(username: string, now: Date): void {
    const recent = this.recent(username, now);
    if (recent.length >= MAX_FAILURES) {
      const retryAt = new Date(recent[0] + WINDOW_MS);
      throw new AppError(
        'RATE_LIMITED',
        `Too many failed sign-ins for '${username}': try again after ${retryAt.toISOString()}`,
        { field: 'username' },
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
