import { describe, expect, it } from 'vitest';
import { ManualClock } from '#base';
import { POLL_INITIAL_DELAY_MS, POLL_MAX_DELAY_MS, poll } from './poll.ts';

describe('poll', () => {
  it('returns the first value that satisfies the condition', async () => {
    const clock = new ManualClock(0);
    let calls = 0;
    const result = await poll({
      clock,
      deadlineMs: 10_000,
      observe: async () => ++calls,
      until: (n) => n === 3,
    });
    expect(result).toEqual({ settled: true, value: 3, attempts: 3 });
  });

  it('backs off between attempts and caps the delay', async () => {
    const clock = new ManualClock(0);
    const seen: number[] = [];
    await poll({
      clock,
      deadlineMs: 60_000,
      observe: async () => seen.push(clock.now()),
      until: () => seen.length === 12,
    });
    const gaps = seen.slice(1).map((t, i) => t - (seen[i] ?? 0));
    expect(gaps[0]).toBe(POLL_INITIAL_DELAY_MS);
    expect(gaps[1]).toBeGreaterThan(POLL_INITIAL_DELAY_MS);
    expect(Math.max(...gaps)).toBe(POLL_MAX_DELAY_MS);
  });

  it('gives up at the deadline with the last observation, without passing the deadline', async () => {
    const clock = new ManualClock(0);
    const result = await poll({
      clock,
      deadlineMs: 5_000,
      observe: async () => 'running',
      until: () => false,
    });
    expect(result.settled).toBe(false);
    expect(result).toMatchObject({ last: 'running' });
    expect(clock.now()).toBe(5_000);
  });
});
