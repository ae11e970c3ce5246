/**
 * The one credential scrubber for every output (Schemathesis scrubs tokens in all outputs):
 * evidence as the harness records it, the terminal, results.json, matrix.md, junit.xml and HAR
 * recordings all pass through these functions. Two layers:
 *
 * - by value: secrets learnt at run time (secret-registry.ts: ADC access tokens, `--header`
 *   values, quota projects), in any encoded form;
 * - by shape: credential header lines (`Authorization`, RFC 9110 §11.6.2; cookies, RFC 6265;
 *   `x-goog-api-key`; `x-goog-user-project`), OAuth bearer tokens (RFC 6750 §2.1, §2.3), OAuth
 *   token-endpoint fields (RFC 6749 §4.1.3, §5.1; RFC 7523 assertions), Google API keys and
 *   access/refresh tokens recognisable by their prefixes, PEM private keys, and the userinfo of
 *   a URL (`https://user:password@host`, RFC 3986 §3.2.1, which calls it deprecated for that).
 *
 * URLs in free text are matched as text rather than re-parsed with `URL`, which would re-serialise
 * them and so alter the evidence (percent-encoding of `{name}` is what several clauses check).
 */
import { isJsonObject } from '#base';
import { replaceSecrets } from './secret-registry.ts';

export const REDACTED = '[REDACTED]';

/** Header names whose values are credentials (or, for `x-goog-user-project`, identify the payer). */
export const SECRET_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-goog-api-key',
  'x-goog-user-project',
  'x-goog-iam-authorization-token',
  'x-serverless-authorization',
]);

/** Query parameters that carry credentials (`key`: API keys; `access_token`: RFC 6750 §2.3). */
const SECRET_QUERY_PARAMS = ['key', 'access_token', 'token', 'refresh_token'];

const TOKEN_FIELDS =
  'access_token|refresh_token|id_token|client_secret|assertion|subject_token|private_key|accessToken';

/** A URL's userinfo, with or without a password: `https://TOKEN@host` is a credential too. */
const USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s?#@'"]+(?=@)/gi;

const TEXT_PATTERNS: readonly RegExp[] = [
  // A curl line's `Bearer $TOKEN` reads the token from the shell and is kept as it is.
  /\b((?:proxy-)?authorization:\s*)(?!\s|Bearer \$TOKEN\b)[^'"\r\n]+/gi,
  /\b((?:set-)?cookie:\s*)[^'"\r\n]+/gi,
  /\b(x-goog-(?:api-key|user-project|iam-authorization-token):\s*)[^'"\r\n]+/gi,
  /\b(x-serverless-authorization:\s*)[^'"\r\n]+/gi,
  // Not the auth-params of a challenge (`WWW-Authenticate: Bearer realm="…"`), which is evidence.
  /\b(bearer\s+)(?![A-Za-z_]+=")[A-Za-z0-9._~+/-]+=*/gi,
  /([?&](?:access_token|key|token|api_key|apikey)=)[^&#\s'"]+/gi,
  USERINFO,
  new RegExp(`\\b((?:${TOKEN_FIELDS})=)[^&#\\s'"]+`, 'gi'),
  new RegExp(`("(?:${TOKEN_FIELDS})"\\s*:\\s*")(?:[^"\\\\]|\\\\.)*`, 'gi'),
  // Google OAuth access tokens, refresh tokens and API keys, wherever they appear.
  /()\bya29\.[0-9A-Za-z_.-]+/g,
  /()\b1\/\/0[0-9A-Za-z_-]{20,}/g,
  /()\bAIza[0-9A-Za-z_-]{35}\b/g,
  /()-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
];

/**
 * Every pattern above needs one of these words: a text without any (most evidence) skips the
 * patterns, which matters when whole reports are scrubbed.
 */
const TRIGGER = new RegExp(
  `authorization|cookie|x-goog-|bearer|key=|token=|ya29\\.|1//0|AIza|PRIVATE KEY|://[^/\\s?#@]+@|${TOKEN_FIELDS}`,
  'i',
);

export function scrubText(text: string): string {
  const known = replaceSecrets(text, REDACTED);
  if (!TRIGGER.test(known)) return known;
  return TEXT_PATTERNS.reduce((out, pattern) => out.replace(pattern, `$1${REDACTED}`), known);
}

/** Header records as reports hold them: secret headers lose their whole value. */
export function scrubHeaderRecord(
  headers: Readonly<Record<string, string>>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : scrubText(value),
    ]),
  );
}

/**
 * Headers as the harness records them: a secret header keeps its scheme (`Bearer [REDACTED]`),
 * so evidence still shows how the caller authenticated; other values are scrubbed as text.
 */
export function scrubHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? scrubSecretValue(value) : scrubText(value);
  });
  return out;
}

function scrubSecretValue(value: string): string {
  const scheme = /^(Bearer|Basic)\s/i.exec(value)?.[1];
  return scheme ? `${scheme} ${REDACTED}` : REDACTED;
}

/** A URL with its secret query parameters and any registered secret replaced. */
export function scrubUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return scrubText(url);
  }
  for (const param of SECRET_QUERY_PARAMS) {
    if (parsed.searchParams.has(param)) parsed.searchParams.set(param, REDACTED);
  }
  return replaceSecrets(parsed.href, REDACTED).replace(USERINFO, `$1${REDACTED}`);
}

/**
 * A JSON value with every string scrubbed: values of properties named like a secret header
 * lose their whole value, every other string goes through `scrubText`. For whole documents
 * (results.json) as a last line behind the scrubbing of evidence.
 */
export function scrubDeep<T>(value: T): T {
  return walk(value, undefined) as T;
}

function walk(value: unknown, key: string | undefined): unknown {
  if (typeof value === 'string') {
    return key !== undefined && SECRET_HEADERS.has(key.toLowerCase())
      ? scrubSecretValue(value)
      : scrubText(value);
  }
  if (Array.isArray(value)) return value.map((item) => walk(item, undefined));
  if (isJsonObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [name, walk(item, name)]),
    );
  }
  return value;
}
