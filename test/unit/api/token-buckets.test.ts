import { TokenBuckets } from '../../../src/api/token-buckets';

describe('token buckets', () => {
  const clock = { now: 0 };
  const buckets = () => new TokenBuckets({ perMinute: 60, burst: 3 }, () => clock.now);

  it('grants the burst at once, then one a second, and says how long to wait', () => {
    clock.now = 0;
    const limit = buckets();
    expect([1, 2, 3].map(() => limit.take('a'))).toEqual([0, 0, 0]);
    expect(limit.take('a')).toBe(1);
    expect(limit.take('b')).toBe(0); // each key its own bucket
    clock.now = 1_000;
    expect(limit.take('a')).toBe(0);
    expect(limit.take('a')).toBe(1);
    clock.now = 60_000;
    expect([1, 2, 3].map(() => limit.take('a'))).toEqual([0, 0, 0]); // never above the burst
    expect(limit.take('a')).toBe(1);
  });

  it('waits as long as the rate says, rounded up to whole seconds', () => {
    clock.now = 0;
    const slow = new TokenBuckets({ perMinute: 2, burst: 1 }, () => clock.now);
    expect(slow.take('a')).toBe(0);
    expect(slow.take('a')).toBe(30);
    clock.now = 29_500;
    expect(slow.take('a')).toBe(1);
  });

  it('forgets the buckets that have filled up again', () => {
    clock.now = 0;
    const limit = buckets();
    limit.take('a');
    limit.take('b');
    clock.now = 120_000;
    limit.take('c');
    expect(limit.size).toBe(1);
  });
});
