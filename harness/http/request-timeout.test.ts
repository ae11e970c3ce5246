import { describe, expect, it } from 'vitest';
import { abortAfterLimit, createRequestTimeout } from './request-timeout.ts';

describe('createRequestTimeout', () => {
  it('is the floor while answers come quickly', () => {
    const timeout = createRequestTimeout({ floorMs: 10_000, inFlight: 16 });
    timeout.observe(40);
    timeout.observe(3_000);
    expect(timeout.limitMs()).toBe(10_000);
  });

  it('gives twice the slowest answer so far once that is longer, and never shrinks', () => {
    const timeout = createRequestTimeout({ floorMs: 10_000, inFlight: 16 });
    timeout.observe(8_000);
    expect(timeout.limitMs()).toBe(16_000);
    timeout.observe(100);
    expect(timeout.limitMs()).toBe(16_000);
  });

  it('starts from the queue a server answering one at a time would build, given the preflight round trip', () => {
    // 700 ms a request, 16 in flight: the last in line waits 11.2 s.
    const timeout = createRequestTimeout({ floorMs: 10_000, roundTripMs: 700, inFlight: 16 });
    expect(timeout.limitMs()).toBe(22_400);
  });

  it('never grows beyond ten times the floor', () => {
    const timeout = createRequestTimeout({ floorMs: 1_000, inFlight: 16 });
    timeout.observe(60_000);
    expect(timeout.limitMs()).toBe(10_000);
  });
});

describe('abortAfterLimit', () => {
  it('re-reads the limit before aborting: a limit raised meanwhile holds', async () => {
    const timeout = createRequestTimeout({ floorMs: 50, inFlight: 1 });
    const controller = new AbortController();
    const stop = abortAfterLimit(controller, performance.now(), timeout);
    timeout.observe(1_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(controller.signal.aborted).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(controller.signal.aborted).toBe(true);
    expect((controller.signal.reason as Error).name).toBe('TimeoutError');
    stop();
  });
});
