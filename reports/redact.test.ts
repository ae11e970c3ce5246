import { describe, expect, it } from 'vitest';
import { REDACTED, redactHeaders, redactText } from './redact.ts';

describe('redactText', () => {
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
  ])('redacts %s', ([, input, expected]) => {
    expect(redactText(input)).toBe(expected);
  });

  it.for<[string, string]>([
    [
      'a challenge with auth-params',
      'WWW-Authenticate: Bearer realm="https://accounts.google.com/"',
    ],
    ['a percent-encoded name', 'https://h/v1/projects%2Fp%2Flocations%2Fl:cancel?alt=json'],
    ['a field merely containing "key"', 'https://h/v1/x?monkey=1&keyring=2'],
  ])('leaves %s alone', ([, input]) => {
    expect(redactText(input)).toBe(input);
  });
});

describe('redactHeaders', () => {
  it('replaces secret header values whatever their case, and keeps the others', () => {
    expect(
      redactHeaders({
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
