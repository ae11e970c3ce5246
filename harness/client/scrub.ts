/**
 * Credentials never reach a log or a report (Schemathesis-style scrubbing): header values and
 * query parameters that carry secrets are replaced before an exchange is stored.
 */
import { REDACTED, SECRET_HEADERS } from '#reports';

const SECRET_QUERY_PARAMS = ['key', 'access_token', 'token'];

export { REDACTED };

export function scrubHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? redactHeaderValue(value) : value;
  });
  return out;
}

function redactHeaderValue(value: string): string {
  const scheme = /^(Bearer|Basic)\s/i.exec(value)?.[1];
  return scheme ? `${scheme} ${REDACTED}` : REDACTED;
}

export function scrubUrl(url: string): string {
  const parsed = new URL(url);
  for (const param of SECRET_QUERY_PARAMS) {
    if (parsed.searchParams.has(param)) parsed.searchParams.set(param, REDACTED);
  }
  return parsed.href;
}
