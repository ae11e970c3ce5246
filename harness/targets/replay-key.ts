/**
 * What makes two requests "the same" for replay: method, origin, exact path (as sent: `%2F` and
 * `/` differ, since several clauses are about that encoding), exact query in its order, and
 * exact body (no body and an empty body are the same: HTTP carries both as zero bytes). Headers
 * are not compared, and credential query parameters are dropped on both sides: a recording holds
 * them scrubbed and a replay runs without credentials. Whether a request carried credentials at
 * all (a credential header, whatever its value) tells apart the probe sent without them.
 */
import { SECRET_HEADERS } from '#reports';

const CREDENTIAL_PARAMS = new Set(['key', 'access_token', 'token', 'refresh_token']);

export function replayKey(method: string, url: string, body: string | undefined): string {
  const parsed = new URL(url);
  return JSON.stringify([
    method.toUpperCase(),
    parsed.origin,
    parsed.pathname,
    queryWithoutCredentials(parsed.search),
    body ?? '',
  ]);
}

function queryWithoutCredentials(search: string): string {
  if (search === '') return '';
  return search
    .slice(1)
    .split('&')
    .filter((pair) => !CREDENTIAL_PARAMS.has(decodeName(pair.split('=')[0] ?? '')))
    .join('&');
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replaceAll('+', ' '));
  } catch {
    return name;
  }
}

/** Whether headers with these names carry credentials (reports/scrub.ts's secret headers). */
export function carriesCredentials(headerNames: readonly string[]): boolean {
  return headerNames.some(
    (name) =>
      SECRET_HEADERS.has(name.toLowerCase()) && name.toLowerCase() !== 'x-goog-user-project',
  );
}
