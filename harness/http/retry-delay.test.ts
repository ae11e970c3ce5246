import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  GAX_OPERATIONS_BACKOFF,
  parseRetryAfter,
  requestedDelay,
  retryInfoDelay,
} from './retry-delay.ts';

const NOW = Date.UTC(2026, 0, 1, 0, 0, 0);

describe('parseRetryAfter', () => {
  it.for([
    ['3', 3_000],
    ['0', 0],
    ['120', 120_000],
    ['Thu, 01 Jan 2026 00:00:05 GMT', 5_000],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
  ] as const)('reads %j as %d ms', ([value, expected]) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it.for(['', 'soon', '-1', '1.5', '+3', '3 seconds'])('ignores %j', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });

  it('ignores an absent header', () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
  });
});

describe('retryInfoDelay', () => {
  const envelope = (details: unknown[]) => JSON.stringify({ error: { code: 429, details } });

  it('reads google.rpc.RetryInfo.retryDelay from an AIP-193 body', () => {
    const body = envelope([
      { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'RATE_LIMIT_EXCEEDED' },
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '1.5s' },
    ]);
    expect(retryInfoDelay(body)).toBe(1_500);
  });

  it.for<[string, string]>([
    ['no RetryInfo', envelope([{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo' }])],
    [
      'a malformed duration',
      envelope([{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '5m' }]),
    ],
    ['an HTML page', '<html>Too many requests</html>'],
    ['an empty body', ''],
  ])('finds nothing in %s', ([, body]) => {
    expect(retryInfoDelay(body)).toBeUndefined();
  });
});

describe('requestedDelay', () => {
  const body = JSON.stringify({
    error: {
      details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '9s' }],
    },
  });

  it('prefers the header to the body', () => {
    expect(requestedDelay(new Headers({ 'retry-after': '2' }), body, NOW)).toBe(2_000);
  });

  it('reads the body when there is no header', () => {
    expect(requestedDelay(new Headers(), body, NOW)).toBe(9_000);
  });
});

describe('backoffDelay', () => {
  it("follows gax's Operations backoff: 100 ms, × 1.3 per retry, at most 60 s, jittered below", () => {
    const top = () => 1;
    expect([1, 2, 3, 4].map((retry) => backoffDelay(GAX_OPERATIONS_BACKOFF, retry, top))).toEqual([
      100, 130, 169, 220,
    ]);
    expect(backoffDelay(GAX_OPERATIONS_BACKOFF, 40, top)).toBe(60_000);
    expect(backoffDelay(GAX_OPERATIONS_BACKOFF, 3, () => 0.5)).toBe(85);
    expect(backoffDelay(GAX_OPERATIONS_BACKOFF, 3, () => 0)).toBe(0);
  });
});
