import type { Logger } from 'pino';

/** Work that runs in rounds, one at a time, woken by `tick` or when it is next due. */
export interface SerialLoop {
  /** A round now (or, if one is running, another right after it); resolves when it is done. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs `round` whenever ticked, never two at once: a tick during a round asks for one more. After
 * its rounds the loop sleeps until `nextAt` says (at most `pollMs`, at least 10 ms).
 */
export function serialLoop(options: {
  name: string;
  round: () => Promise<void>;
  nextAt: () => Promise<Date | null>;
  now: () => Date;
  pollMs: number;
  logger: Logger;
}): SerialLoop {
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;
  let sleeper: NodeJS.Timeout | undefined;

  const sleep = async () => {
    if (stopped) return;
    const next = await options.nextAt().catch(() => null);
    const untilDue = next ? next.getTime() - options.now().getTime() : options.pollMs;
    clearTimeout(sleeper);
    sleeper = setTimeout(() => void tick(), Math.max(10, Math.min(options.pollMs, untilDue)));
    sleeper.unref();
  };
  const tick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await options.round();
        } catch (error) {
          options.logger.error({ err: error }, `${options.name} round failed`);
        }
      } while (again && !stopped);
      await sleep();
    })().finally(() => {
      running = undefined;
      // Woken while it was choosing how long to sleep: go again now.
      if (again && !stopped) void tick();
    });
    return running;
  };
  return {
    tick,
    stop: async () => {
      stopped = true;
      clearTimeout(sleeper);
      await running;
    },
  };
}
