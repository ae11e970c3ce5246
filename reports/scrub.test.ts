import { describe, expect, it } from 'vitest';
import { REDACTED, scrubHeaders, scrubUrl } from './redact.ts';

describe('scrubHeaders', () => {
  it.for([
    ['authorization', 'Bearer ya29.secret', `Bearer ${REDACTED}`],
    ['authorization', 'Basic dXNlcjpzZWNyZXQ=', `Basic ${REDACTED}`],
    ['authorization', 'bearer lower-case-secret', `bearer ${REDACTED}`],
    ['authorization', 'secret-without-scheme', REDACTED],
    ['proxy-authorization', 'Bearer proxy-secret', `Bearer ${REDACTED}`],
    ['cookie', 'SID=secret; HSID=secret2', REDACTED],
    ['set-cookie', 'SID=secret; Path=/', REDACTED],
    ['x-goog-api-key', 'AIzaSecret', REDACTED],
    ['X-Goog-Api-Key', 'AIzaSecret', REDACTED],
    ['x-goog-user-project', 'billing-project', REDACTED],
  ] as const)('redacts %s: %s, keeping the scheme', ([name, value, expected]) => {
    const scrubbed = scrubHeaders(new Headers({ [name]: value }));
    expect(scrubbed).toEqual({ [name.toLowerCase()]: expected });
    expect(JSON.stringify(scrubbed)).not.toContain(value);
  });

  it('leaves other headers untouched', () => {
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'lro-conformance/0.1.0',
      'www-authenticate': 'Bearer realm="https://accounts.google.com/"',
    };
    expect(scrubHeaders(new Headers(headers))).toEqual(headers);
  });

  it('scrubs a bearer token even under a header name it does not know', () => {
    expect(scrubHeaders(new Headers({ 'x-forwarded-token': 'Bearer opaque-value' }))).toEqual({
      'x-forwarded-token': `Bearer ${REDACTED}`,
    });
  });
});

describe('scrubUrl', () => {
  it.for(['key', 'access_token', 'token'])('redacts the %s query parameter', (param) => {
    const scrubbed = scrubUrl(`https://h/v1/operations/x?${param}=s3cret&alt=json`);
    const url = new URL(scrubbed);
    expect(url.searchParams.get(param)).toBe(REDACTED);
    expect(url.searchParams.get('alt')).toBe('json');
    expect(url.pathname).toBe('/v1/operations/x');
    expect(scrubbed).not.toContain('s3cret');
  });

  it('redacts every repetition of a secret parameter', () => {
    const scrubbed = scrubUrl('https://h/v1/x?key=one&key=two');
    expect(scrubbed).not.toMatch(/one|two/);
    expect(new URL(scrubbed).searchParams.getAll('key')).toEqual([REDACTED]);
  });

  it('returns a URL without secrets unchanged', () => {
    const url = 'https://h/v1alpha/accounts/a%20b/apps/b/operations/c:cancel?alt=json&keyword=k';
    expect(scrubUrl(url)).toBe(url);
  });
});
