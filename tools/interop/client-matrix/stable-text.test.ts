/**
 * docs/CLIENTS.md stays the same from run to run only if serial numbers and ports are taken out:
 * each form of the name, raw and percent-encoded, becomes the service's first name; a name that
 * merely shares a prefix is left alone.
 */
import { describe, expect, it } from 'vitest';
import { stableText } from './stable-text.ts';

describe('stable text', () => {
  it('shows raw and percent-encoded names as the first one the reference mints', () => {
    const name = 'accounts/ref/apps/ref/operations/checks-17';

    expect(stableText(`GET /v1/operations/${encodeURIComponent(name)} and ${name}`, name)).toBe(
      'GET /v1/operations/accounts%2Fref%2Fapps%2Fref%2Foperations%2Fchecks-1 and accounts/ref/apps/ref/operations/checks-1',
    );
  });

  it('drops the loopback port', () => {
    expect(stableText('at http://127.0.0.1:40123/v1/x', 'operations/dai-3')).toBe(
      'at http://127.0.0.1:<port>/v1/x',
    );
  });

  it('leaves other text unchanged', () => {
    expect(stableText('operations/dai-30', 'operations/dai-3x')).toBe('operations/dai-30');
  });
});
