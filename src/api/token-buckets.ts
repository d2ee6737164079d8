import type { RateLimit } from '../config';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per key (a client's address, an officer's name), in this process's memory: each
 * request takes a token, tokens come back at the sustained rate up to the burst. Buckets that have
 * filled up again are forgotten, so memory follows the clients active in the last few minutes.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private sweptAt = 0;

  constructor(
    private readonly limit: RateLimit,
    private readonly clock: () => number = Date.now,
  ) {
    this.perMs = limit.perMinute / 60_000;
  }

  /** Takes a token for `key`: 0 when granted, else the seconds until one is back. */
  take(key: string): number {
    const now = this.clock();
    this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
  }

  /** Buckets held now (for tests and the operations gauges). */
  get size(): number {
    return this.buckets.size;
  }

  /** Once a minute at most: forgets every bucket that would be full by now. */
  private sweep(now: number): void {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.limit.burst) {
        this.buckets.delete(key);
      }
    }
  }
}
