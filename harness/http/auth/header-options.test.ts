// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${VAR} is the --header syntax under test, not a template.
import { describe, expect, it } from 'vitest';
import { isLroError } from '#base';
import { parseHeaderOptions, toHeaders } from './header-options.ts';

const ENV = { API_KEY: 'k3y-from-env', TOKEN: 'tok-from-env', EMPTY: '' };

function usageMessage(specs: readonly string[]): string {
  try {
    parseHeaderOptions(specs, ENV);
  } catch (error) {
    expect(isLroError(error) && error.code).toBe('USAGE');
    expect((error as Error).message).not.toContain('\n');
    return (error as Error).message;
  }
  throw new Error('expected a usage error');
}

describe('parseHeaderOptions', () => {
  it.for([
    ['X-Api-Key: $API_KEY', 'X-Api-Key', 'k3y-from-env'],
    ['Authorization: Bearer ${TOKEN}', 'Authorization', 'Bearer tok-from-env'],
    ['X-Mixed: a-${TOKEN}-b', 'X-Mixed', 'a-tok-from-env-b'],
    ['X-Price: $$5 and $ alone', 'X-Price', '$5 and $ alone'],
    ['  X-Spaced  :   v  ', 'X-Spaced', 'v'],
    ['X-Colon: a:b:c', 'X-Colon', 'a:b:c'],
  ] as const)('reads %s', ([spec, name, value]) => {
    expect(parseHeaderOptions([spec], ENV).headers).toEqual([
      expect.objectContaining({ name, value }),
    ]);
  });

  it('marks values from the environment and values of credential-like headers as secrets', () => {
    const parsed = parseHeaderOptions(
      ['X-Debug: 1', 'X-Trace: $TOKEN', 'Cookie: SID=abc', 'X-Goog-User-Project: my-billing'],
      ENV,
    );
    expect(parsed.headers.map((header) => header.secret)).toEqual([false, true, true, true]);
    expect(parsed.secrets).toEqual(['tok-from-env', 'SID=abc', 'my-billing']);
  });

  it('also marks the credentials of an "Authorization: Scheme credentials" value alone', () => {
    // Servers echo the bare token in error bodies: the scrubber must know it without "Bearer ".
    const parsed = parseHeaderOptions(
      ['Authorization: Bearer tok-literal-1', 'X-Trace: Basic $TOKEN', 'X-Debug: a b'],
      ENV,
    );
    expect(parsed.secrets).toEqual([
      'Bearer tok-literal-1',
      'tok-literal-1',
      'Basic tok-from-env',
      'tok-from-env',
    ]);
  });

  it('sends repeated names as repeated values', () => {
    const headers = toHeaders(parseHeaderOptions(['X-A: 1', 'x-a: 2', 'X-B: 3'], ENV));
    expect(headers.get('x-a')).toBe('1, 2');
    expect(headers.get('x-b')).toBe('3');
  });

  it.for([
    [['no colon here'], /^--header takes "Name: value" .* --header number 1 has no colon$/],
    [['X-Ok: 1', 'Bearer secret-typed-alone'], /number 2 has no colon$/],
    [['Bad Name: v'], /^--header name "Bad Name" is not a valid HTTP field name/],
    [[': v'], /^--header name "" is not a valid HTTP field name/],
    [['Host: evil'], /^--header "Host" is set by the harness itself; use --endpoint/],
    [['X-K: $MISSING'], /^--header "X-K" uses \$MISSING, which is not set; export MISSING/],
    [['X-K: ${EMPTY}'], /uses \$EMPTY, which is empty/],
    [['X-K: ${UNCLOSED'], /"\$\{" without a closing "\}"/],
    [['X-K: ${9x}'], /\$\{9x\} is not a variable name/],
    [['X-K:   '], /^--header "X-K" has an empty value$/],
    [['X-K: a\r\nX-Injected: 1'], /contains a line break or NUL/],
  ] as const)('refuses %j', ([specs, expected]) => {
    expect(usageMessage(specs)).toMatch(expected);
  });

  it('never echoes the value of a malformed option', () => {
    expect(usageMessage(['Bearer secret-typed-alone'])).not.toContain('secret');
  });
});
