/**
 * What a client library actually put on the wire, as MSW saw it before any handler ran: method,
 * host, the raw path (MSW hands route params over decoded, so `new URL(url).pathname` is the only
 * place a `%2F` shows), the exact body text, its Content-Type and the Authorization header.
 */
import type { SetupServer } from 'msw/node';

export interface WireRequest {
  readonly method: string;
  readonly host: string;
  /** Path and query as sent, percent-encoding untouched. */
  readonly path: string;
  /** The body text; '' when the request had none. */
  readonly body: string;
  /** The Content-Type header as sent; `null` when the client sent none. */
  readonly contentType: string | null;
  readonly authorization: string | null;
}

export interface WireLog {
  /** Every request recorded so far, oldest first. */
  entries(): Promise<readonly WireRequest[]>;
  /** Forgets what was recorded (call it before the requests a test looks at). */
  clear(): void;
}

export function recordWire(server: SetupServer): WireLog {
  let pending: Promise<WireRequest>[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    pending.push(
      request
        .clone()
        .text()
        .then((body) => ({
          method: request.method,
          host: url.host,
          path: `${url.pathname}${url.search}`,
          body,
          contentType: request.headers.get('content-type'),
          authorization: request.headers.get('authorization'),
        })),
    );
  });
  return {
    entries: () => Promise.all(pending),
    clear: () => {
      pending = [];
    },
  };
}
