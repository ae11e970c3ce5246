/**
 * A curl command line that reproduces a recorded request, so every FAIL can be replayed by
 * hand. Credentials arrive scrubbed; the Authorization header is rewritten to read a token
 * from the environment instead of printing a placeholder that would not work.
 */
export interface CurlRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** Headers fetch adds by itself; repeating them only adds noise. */
const IMPLIED_HEADERS = new Set(['content-length', 'host', 'connection', 'accept-encoding']);

export function toCurl(request: CurlRequest): string {
  const parts = ['curl', '-sS', '-X', request.method, shellQuote(request.url)];
  for (const [name, value] of Object.entries(request.headers)) {
    if (IMPLIED_HEADERS.has(name)) continue;
    if (name === 'authorization') {
      parts.push('-H', '"Authorization: Bearer $TOKEN"');
      continue;
    }
    parts.push('-H', shellQuote(`${name}: ${value}`));
  }
  if (request.body !== undefined) parts.push('--data-binary', shellQuote(request.body));
  return parts.join(' ');
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
