import { describe, expect, it } from 'vitest';
import { parseRetryAfter, requestedDelay, retryInfoDelay } from './retry-delay.ts';

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
  it('prefers the header to the body', async () => {
    const response = new Response(
      JSON.stringify({
        error: {
          details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '9s' }],
        },
      }),
      { status: 429, headers: { 'retry-after': '2' } },
    );
    expect(await requestedDelay(response, NOW)).toBe(2_000);
    expect(await response.text()).toContain('RetryInfo');
  });
});
