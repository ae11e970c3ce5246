/**
 * The curl line attached to every FAIL must replay the recorded request in a POSIX shell: the
 * proof runs each line through `sh` with `curl` replaced by a function that prints its arguments.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { type CurlRequest, toCurl } from './curl.ts';

const URL_ = 'https://checks.googleapis.com/v1alpha/accounts/a/apps/b/operations/c:cancel';

/** The argument vector a shell hands to curl for this line, with TOKEN set in the environment. */
function shellArgs(line: string): string[] {
  const script = `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${line}`;
  const out = execFileSync('sh', ['-c', script], {
    env: { PATH: process.env.PATH ?? '', TOKEN: 'tok-123' },
    encoding: 'utf8',
  });
  return out.split('\0').slice(0, -1);
}

function request(overrides: Partial<CurlRequest> = {}): CurlRequest {
  return { method: 'POST', url: URL_, headers: {}, ...overrides };
}

describe('toCurl', () => {
  it('prints method and quoted URL, and no --data-binary when the request has no body', () => {
    const line = toCurl(request());
    expect(line).toBe(`curl -sS -X POST '${URL_}'`);
    expect(shellArgs(line)).toEqual(['-sS', '-X', 'POST', URL_]);
  });

  it.for([
    ['{}', '{}'],
    ['""', '""'],
    ['the zero-length body', ''],
  ] as const)('sends the body %s with --data-binary', ([, body]) => {
    const line = toCurl(request({ body }));
    expect(line).toContain(`--data-binary '${body}'`);
    expect(shellArgs(line).slice(-2)).toEqual(['--data-binary', body]);
  });

  it.for([
    ['a single quote', "it's"],
    ['several quotes', "'''"],
    ['shell syntax', '$(echo injected) `echo injected` "$HOME" \\ ; | &'],
    ['a newline', 'a\nb'],
  ] as const)('quotes %s so the shell passes it through unchanged', ([, text]) => {
    const line = toCurl(request({ headers: { 'x-note': text }, body: text }));
    expect(shellArgs(line)).toEqual([
      '-sS',
      '-X',
      'POST',
      URL_,
      '-H',
      `x-note: ${text}`,
      '--data-binary',
      text,
    ]);
  });

  it('quotes a URL with a single quote in it', () => {
    const url = "https://h/v1/operations/it's";
    expect(shellArgs(toCurl(request({ url })))).toContain(url);
  });

  it('reads the bearer token from $TOKEN instead of printing the scrubbed value', () => {
    const line = toCurl(request({ headers: { authorization: 'Bearer [REDACTED]' } }));
    expect(line).toContain('-H "Authorization: Bearer $TOKEN"');
    expect(line).not.toContain('[REDACTED]');
    expect(shellArgs(line)).toContain('Authorization: Bearer tok-123');
  });

  it('drops the headers fetch adds by itself and keeps the others', () => {
    const line = toCurl(
      request({
        headers: {
          'content-length': '2',
          host: 'checks.googleapis.com',
          connection: 'keep-alive',
          'accept-encoding': 'gzip',
          'content-type': 'application/json',
          'x-goog-user-project': 'p',
        },
      }),
    );
    expect(shellArgs(line)).toEqual([
      '-sS',
      '-X',
      'POST',
      URL_,
      '-H',
      'content-type: application/json',
      '-H',
      'x-goog-user-project: p',
    ]);
  });
});
