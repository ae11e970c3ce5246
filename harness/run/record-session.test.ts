import { describe, expect, it } from 'vitest';
import type { Exchange, RunResults } from '#reports';
import { sessionExchanges } from './record-session.ts';

const exchange = (url: string, startedAt?: string): Exchange => ({
  request: { method: 'GET', url, headers: {} },
  response: { status: 404, headers: {}, body: '{}' },
  curl: `curl ${url}`,
  ...(startedAt === undefined ? {} : { startedAt, durationMs: 1 }),
});

describe('sessionExchanges', () => {
  it('writes an exchange several cells share once, in the order the requests were sent', () => {
    const probe = exchange('https://h/v1/a', '2026-01-01T00:00:00.200Z');
    const cancel = exchange('https://h/v1/b:cancel', '2026-01-01T00:00:00.100Z');
    const poll = exchange('https://h/v1/b', '2026-01-01T00:00:00.300Z');
    const results = {
      results: [
        { service: 'checks', clause: 'a', outcome: 'PASS', strength: 'MUST', evidence: [probe] },
        {
          service: 'checks',
          clause: 'b',
          outcome: 'PASS',
          strength: 'MUST',
          evidence: [cancel, poll],
        },
        {
          service: 'checks',
          clause: 'c',
          outcome: 'PASS',
          strength: 'MUST',
          evidence: [cancel, { ...probe }],
        },
        { service: 'checks', clause: 'd', outcome: 'SKIPPED', strength: 'MUST' },
      ],
    } as unknown as RunResults;
    expect(sessionExchanges(results)).toEqual([cancel, probe, poll]);
  });
});
