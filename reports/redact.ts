/**
 * Defensive credential scrubbing for every rendered output (Schemathesis scrubs tokens in all
 * outputs). Evidence is scrubbed upstream by the harness; this is the second line, so a missed
 * `Authorization` header (RFC 9110 §11.6.2), OAuth bearer token (RFC 6750 §2.1, §2.3) or Google
 * API key (`x-goog-api-key` header, `key` query parameter) never reaches a terminal or a file.
 */

export const REDACTED = '[REDACTED]';

/** Header names whose values are credentials: the harness scrubs them from evidence too. */
export const SECRET_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-goog-api-key',
]);

/**
 * Free-text patterns: header lines (curl `-H`, HTTP blocks), bearer tokens, query parameters and
 * JSON fields. URLs go through these too rather than through `URL`, which would re-serialise them
 * and so alter the evidence (percent-encoding of `{name}` is what several clauses check).
 */
const TEXT_PATTERNS: readonly RegExp[] = [
  /\b((?:proxy-)?authorization:\s*)[^'"\r\n]+/gi,
  /\b((?:set-)?cookie:\s*)[^'"\r\n]+/gi,
  /\b(x-goog-api-key:\s*)[^'"\r\n]+/gi,
  // Not the auth-params of a challenge (`WWW-Authenticate: Bearer realm="…"`), which is evidence.
  /\b(bearer\s+)(?![A-Za-z_]+=")[A-Za-z0-9._~+/-]+=*/gi,
  /([?&](?:access_token|key)=)[^&#\s'"]+/gi,
  /\b(access_token=)[^&#\s'"]+/gi,
  /("access_token"\s*:\s*")[^"]*/gi,
];

export function redactText(text: string): string {
  return TEXT_PATTERNS.reduce((out, pattern) => out.replace(pattern, `$1${REDACTED}`), text);
}

export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : redactText(value),
    ]),
  );
}
