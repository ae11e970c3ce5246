import { afterEach, describe, expect, it } from 'vitest';
import {
  REDACTED,
  scrubDeep,
  scrubHeaderRecord,
  scrubHeaders,
  scrubText,
  scrubUrl,
} from './scrub.ts';
import { forgetSecrets, registerSecret } from './secret-registry.ts';

/** Shaped like nothing the patterns know: only the registry can catch it. */
const CANARY = 'canary-7f3a9c-not-a-known-token-shape';

afterEach(() => {
  forgetSecrets();
});

describe('the curl placeholder', () => {
  it('keeps `Authorization: Bearer $TOKEN`, which reads the token from the shell', () => {
    const curl = `curl -sS 'https://h.test/v1/x' -H "Authorization: Bearer $TOKEN"`;
    expect(scrubText(curl)).toBe(curl);
    expect(scrubText(`-H "Authorization: Bearer $TOKENS-are-secret"`)).toContain(REDACTED);
  });
});

describe('scrubText', () => {
  it.for<[string, string, string]>([
    [
      'a curl Authorization header',
      `curl -H 'Authorization: Bearer ya29.abc' -H 'x: y'`,
      `curl -H 'Authorization: ${REDACTED}' -H 'x: y'`,
    ],
    [
      'a bearer token in prose',
      'sent Bearer ya29.a0Af-_/+b== to it',
      `sent Bearer ${REDACTED} to it`,
    ],
    [
      'an access_token query value',
      'https://h/v1/x?alt=json&access_token=ya29.q&b=1',
      `https://h/v1/x?alt=json&access_token=${REDACTED}&b=1`,
    ],
    ['an API key query value', 'https://h/v1/x?key=AIzaSy123', `https://h/v1/x?key=${REDACTED}`],
    ['a token query value', 'at http://h/x?token=tk-99&a=1', `at http://h/x?token=${REDACTED}&a=1`],
    [
      'the user and password of a URL',
      'cannot reach http://alice:s3cret@127.0.0.1:9/api (refused)',
      `cannot reach http://${REDACTED}@127.0.0.1:9/api (refused)`,
    ],
    [
      'a token as the user of a URL',
      '"https://ghp_abc123@example.test/x"',
      `"https://${REDACTED}@example.test/x"`,
    ],
    ['an @ in a path, which is no userinfo', 'https://h/v1/users/a@b', 'https://h/v1/users/a@b'],
    [
      'a form body access_token',
      'access_token=abc&expires_in=3599',
      `access_token=${REDACTED}&expires_in=3599`,
    ],
    [
      'a JSON access_token',
      '{"access_token": "ya29.j", "x": 1}',
      `{"access_token": "${REDACTED}", "x": 1}`,
    ],
    [
      'an x-goog-api-key header line',
      'x-goog-api-key: AIza\nnext',
      `x-goog-api-key: ${REDACTED}\nnext`,
    ],
    ['a cookie header line', 'Cookie: SID=1; HSID=2', `Cookie: ${REDACTED}`],
    [
      'an x-goog-user-project header line',
      "-H 'x-goog-user-project: billing-proj'",
      `-H 'x-goog-user-project: ${REDACTED}'`,
    ],
    ['a Google access token in prose', 'token ya29.a0AfB_by-x.y was', `token ${REDACTED} was`],
    [
      'a Google API key in prose',
      'used AIzaSyA1234567890abcdefghijklmnopqrstuv here',
      `used ${REDACTED} here`,
    ],
    [
      'a Google refresh token',
      'refresh 1//0gAbCdEfGhIjKlMnOpQrStUvWx end',
      `refresh ${REDACTED} end`,
    ],
    [
      'a token-endpoint form body',
      'grant_type=refresh_token&refresh_token=r3fr&client_secret=s3c',
      `grant_type=refresh_token&refresh_token=${REDACTED}&client_secret=${REDACTED}`,
    ],
    [
      'a JWT assertion',
      'grant_type=x&assertion=eyJhbGciOi.eyJpc3Mi.c2ln',
      `grant_type=x&assertion=${REDACTED}`,
    ],
    [
      'an iamcredentials token response',
      '{"accessToken":"opaque-token","expireTime":"2026-01-01T00:00:00Z"}',
      `{"accessToken":"${REDACTED}","expireTime":"2026-01-01T00:00:00Z"}`,
    ],
    [
      'a key file private key with escapes',
      '{"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIE\\"x\\n", "n": 1}',
      `{"private_key": "${REDACTED}", "n": 1}`,
    ],
    [
      'a PEM private key block',
      'key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\nend',
      `key:\n${REDACTED}\nend`,
    ],
  ])('scrubs %s', ([, input, expected]) => {
    expect(scrubText(input)).toBe(expected);
  });

  it.for<[string, string]>([
    [
      'a challenge with auth-params',
      'WWW-Authenticate: Bearer realm="https://accounts.google.com/"',
    ],
    ['a percent-encoded name', 'https://h/v1/projects%2Fp%2Flocations%2Fl:cancel?alt=json'],
    ['a field merely containing "key"', 'https://h/v1/x?monkey=1&keyring=2'],
    ['an insufficient-scope challenge', 'www-authenticate: Bearer error="insufficient_scope"'],
    ['a JSON field merely ending in _token', '{"next_page_token": "abc"}'],
  ])('leaves %s alone', ([, input]) => {
    expect(scrubText(input)).toBe(input);
  });
});

describe('scrubHeaderRecord', () => {
  it('replaces secret header values whatever their case, and keeps the others', () => {
    expect(
      scrubHeaderRecord({
        Authorization: 'Bearer t',
        'x-goog-api-key': 'k',
        'Set-Cookie': 's=1',
        'content-type': 'application/json',
      }),
    ).toEqual({
      Authorization: REDACTED,
      'x-goog-api-key': REDACTED,
      'Set-Cookie': REDACTED,
      'content-type': 'application/json',
    });
  });
});

describe('registered secrets', () => {
  it('are removed from text in every encoded form an exchange may carry them in', () => {
    const secret = 'sk/1 2+3&"4';
    registerSecret(secret);
    const forms = [
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ v: secret }).toString().slice(2),
      JSON.stringify(secret).slice(1, -1),
    ];
    for (const form of forms) {
      expect(scrubText(`before ${form} after`)).toBe(`before ${REDACTED} after`);
    }
  });

  it('are removed from header values, URLs, curl lines and JSON documents', () => {
    registerSecret(CANARY);
    expect(scrubHeaderRecord({ 'x-custom-auth': CANARY })).toEqual({ 'x-custom-auth': REDACTED });
    expect(scrubHeaders(new Headers({ 'x-custom-auth': `v=${CANARY}` }))).toEqual({
      'x-custom-auth': `v=${REDACTED}`,
    });
    expect(scrubUrl(`https://h/v1/projects/${CANARY}/x?q=${CANARY}`)).not.toContain(CANARY);
    expect(scrubText(`curl -H 'X-Custom-Auth: ${CANARY}' https://h/`)).not.toContain(CANARY);
    const document = { a: [{ message: `denied for ${CANARY}` }], b: CANARY, n: 3, t: true };
    expect(scrubDeep(document)).toEqual({
      a: [{ message: `denied for ${REDACTED}` }],
      b: REDACTED,
      n: 3,
      t: true,
    });
  });

  it('are left alone until registered, and forgotten on request', () => {
    expect(scrubText(CANARY)).toBe(CANARY);
    registerSecret(CANARY);
    expect(scrubText(CANARY)).toBe(REDACTED);
    forgetSecrets();
    expect(scrubText(CANARY)).toBe(CANARY);
  });

  it('replace a secret that contains another one whole', () => {
    registerSecret('abcd');
    registerSecret('xxabcdyy');
    expect(scrubText('xxabcdyy abcd')).toBe(`${REDACTED} ${REDACTED}`);
  });
});

describe('scrubDeep', () => {
  it('blanks values of properties named like secret headers, keeping the scheme', () => {
    expect(
      scrubDeep({
        headers: { Authorization: 'Bearer opaque', cookie: 'SID=1', accept: 'application/json' },
      }),
    ).toEqual({
      headers: {
        Authorization: `Bearer ${REDACTED}`,
        cookie: REDACTED,
        accept: 'application/json',
      },
    });
  });
});

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
  ] as const)('scrubs %s: %s, keeping the scheme', ([name, value, expected]) => {
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
  it.for(['key', 'access_token', 'token'])('scrubs the %s query parameter', (param) => {
    const scrubbed = scrubUrl(`https://h/v1/operations/x?${param}=s3cret&alt=json`);
    const url = new URL(scrubbed);
    expect(url.searchParams.get(param)).toBe(REDACTED);
    expect(url.searchParams.get('alt')).toBe('json');
    expect(url.pathname).toBe('/v1/operations/x');
    expect(scrubbed).not.toContain('s3cret');
  });

  it('scrubs every repetition of a secret parameter', () => {
    const scrubbed = scrubUrl('https://h/v1/x?key=one&key=two');
    expect(scrubbed).not.toMatch(/one|two/);
    expect(new URL(scrubbed).searchParams.getAll('key')).toEqual([REDACTED]);
  });

  it('scrubs the userinfo of a URL', () => {
    expect(scrubUrl('https://alice:s3cret@h/v1/x')).toBe(`https://${REDACTED}@h/v1/x`);
  });

  it('returns a URL without secrets unchanged', () => {
    const url = 'https://h/v1alpha/accounts/a%20b/apps/b/operations/c:cancel?alt=json&keyword=k';
    expect(scrubUrl(url)).toBe(url);
  });
});
