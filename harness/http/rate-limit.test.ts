import { describe, expect, it } from 'vitest';
import { StepClock } from '../../tools/testing/step-clock.ts';
import { createRateLimiter, type RateLimiter, withRateLimit } from './rate-limit.ts';

const START = Date.UTC(2026, 0, 1);

/** Asks for every host at once, runs the clock, and reports who was released when, in order. */
async function releases(
  limiter: RateLimiter,
  clock: StepClock,
  hosts: readonly string[],
): Promise<{ index: number; host: string; at: number }[]> {
  const log: { index: number; host: string; at: number }[] = [];
  const all = Promise.all(
    hosts.map((host, index) =>
      limiter.acquire(host).then(() => {
        log.push({ index, host, at: clock.now() - START });
      }),
    ),
  );
  await clock.runUntilIdle();
  await all;
  return log;
}

describe('createRateLimiter', () => {
  it('starts requests to one host 1/maxRps apart, in the order they asked', async () => {
    const clock = new StepClock(START);
    const limiter = createRateLimiter({ maxRps: 4, clock });
    expect(await releases(limiter, clock, ['a', 'a', 'a', 'a'])).toEqual([
      { index: 0, host: 'a', at: 0 },
      { index: 1, host: 'a', at: 250 },
      { index: 2, host: 'a', at: 500 },
      { index: 3, host: 'a', at: 750 },
    ]);
  });

  it('paces each host on its own: a busy host does not delay another', async () => {
    const clock = new StepClock(START);
    const limiter = createRateLimiter({ maxRps: 1, clock });
    expect(await releases(limiter, clock, ['a', 'a', 'b', 'b', 'a'])).toEqual([
      { index: 0, host: 'a', at: 0 },
      { index: 2, host: 'b', at: 0 },
      { index: 1, host: 'a', at: 1000 },
      { index: 3, host: 'b', at: 1000 },
      { index: 4, host: 'a', at: 2000 },
    ]);
  });

  it('lets a request through at once when the host has been quiet long enough', async () => {
    const clock = new StepClock(START);
    const limiter = createRateLimiter({ maxRps: 2, clock });
    await releases(limiter, clock, ['a']);
    const quiet = clock.sleep(600);
    await clock.runUntilIdle();
    await quiet;
    expect((await releases(limiter, clock, ['a']))[0]?.at).toBe(600);
  });

  it('holds every request to a paused host until the pause ends, then keeps the pace', async () => {
    const clock = new StepClock(START);
    const limiter = createRateLimiter({ maxRps: 10, clock });
    await releases(limiter, clock, ['a']);
    limiter.pauseHost('a', 5_000);
    const log = await releases(limiter, clock, ['a', 'a', 'b']);
    expect(log.map(({ host, at }) => [host, at])).toEqual([
      ['b', 0],
      ['a', 5_000],
      ['a', 5_100],
    ]);
  });

  it('honours a pause that arrives while requests are already waiting', async () => {
    const clock = new StepClock(START);
    const limiter = createRateLimiter({ maxRps: 1, clock });
    const log: number[] = [];
    const waiting = [0, 1, 2].map(() =>
      limiter.acquire('a').then(() => log.push(clock.now() - START)),
    );
    limiter.pauseHost('a', 3_000);
    await clock.runUntilIdle();
    await Promise.all(waiting);
    expect(log).toEqual([0, 3_000, 4_000]);
  });

  it.for([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses maxRps %s', (maxRps) => {
    expect(() => createRateLimiter({ maxRps, clock: new StepClock() })).toThrow(RangeError);
  });
});

describe('withRateLimit', () => {
  it('waits for the host of each request before sending it', async () => {
    const clock = new StepClock(START);
    const sentAt: number[] = [];
    const fetch = withRateLimit(
      async () => {
        sentAt.push(clock.now() - START);
        return new Response();
      },
      createRateLimiter({ maxRps: 2, clock }),
    );
    const sent = Promise.all([
      fetch(new Request('https://checks.googleapis.com/v1alpha/x')),
      fetch(new Request('https://checks.googleapis.com/v1alpha/y')),
    ]);
    await clock.runUntilIdle();
    await sent;
    expect(sentAt).toEqual([0, 500]);
  });
});
