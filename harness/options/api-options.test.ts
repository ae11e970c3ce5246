/**
 * The API's options as the CLI's flags (harness/options/api-options.ts): `runConformance` is the
 * CLI, so its options become flags, header values travel as given, and the CLI's messages come
 * back in the API's terms.
 */
import { describe, expect, it } from 'vitest';
import { parseHeaderOptions } from '../http/auth/header-options.ts';
import { inOptionTerms, runArgsOf } from './api-options.ts';

describe('runArgsOf and inOptionTerms', () => {
  it('is the CLI: the options become its flags, and its messages name the options', () => {
    expect(
      runArgsOf({
        services: ['checks', 'dai'],
        cancelDelayMs: 5,
        shard: { index: 1, count: 2 },
        reportDir: 'out',
      }),
    ).toEqual([
      '--service',
      'checks,dai',
      '--cancel-delay',
      '5',
      '--shard',
      '1/2',
      '--report-dir',
      'out',
    ]);
    expect(inOptionTerms('--cancel-delay needs --cancel and --report-dir (see --help)')).toBe(
      'cancelDelayMs needs cancelMode and reportDir (see RunConformanceOptions)',
    );
  });

  it('turns live options into repeated flags, header values sent as given', () => {
    expect(
      runArgsOf({
        live: true,
        parents: { checks: 'accounts/1/apps/2', dai: 'operations' },
        scopes: { dai: ['a', 'b'], checks: 'c' },
        maxRps: 0.5,
        headers: { Authorization: 'Bearer a$b', 'X-Literal': '$$HOME' },
        auth: 'none',
      }),
    ).toEqual([
      '--live',
      ...['--parent', 'checks=accounts/1/apps/2', '--parent', 'dai=operations'],
      ...['--scope', 'dai=a', '--scope', 'dai=b', '--scope', 'checks=c'],
      ...['--max-rps', '0.5'],
      ...['--header', 'Authorization: Bearer a$$b', '--header', 'X-Literal: $$$$HOME'],
      ...['--auth', 'none'],
    ]);
    expect(runArgsOf({ live: false })).toEqual([]);
    const sent = parseHeaderOptions(
      runArgsOf({ headers: { Authorization: 'Bearer a$b', 'X-Literal': '$$HOME$X$' } }).filter(
        (_, index) => index % 2 === 1,
      ),
      { HOME: '/home/nobody', X: 'x' },
    );
    expect(sent.headers.map((header) => header.value)).toEqual(['Bearer a$b', '$$HOME$X$']);
  });
});
