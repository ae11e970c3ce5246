/**
 * Answers a hostile or merely unusual server gives, as fetch-shaped wrappers around a target's
 * own fetch (the embedded reference's, usually), for tests over loopback (fetch-server.ts) and
 * for the bench: bodies that never end, bodies padded far past any Operation, gzip bombs,
 * redirects to another origin, throttling, and a server that answers one request at a time.
 * Only the operations surface is made hostile: requests to the control endpoint are passed on,
 * so a run gets past its preflight and makes its operations. Every loop is bounded: an endless
 * body is produced only as fast as the client reads it, and stops at a hard cap or when the
 * client goes away.
 */
import { createGzip } from 'node:zlib';
import { CONTROL_PATH } from '../../harness/control/vocabulary.ts';

type Fetch = (request: Request) => Promise<Response>;

/** What `hostile` does to an answer of the operations surface. */
export type HostileAnswer =
  /** 200 with a JSON media type and a body of spaces that does not end. */
  | { readonly kind: 'endless' }
  /** The real answer, with `bytes` of trailing whitespace after its JSON (still valid JSON). */
  | { readonly kind: 'padded'; readonly bytes: number }
  /** 200, `content-encoding: gzip`, a small body that inflates to `inflatedBytes` of spaces. */
  | { readonly kind: 'gzip-bomb'; readonly inflatedBytes: number }
  /** A 307 to the same path on `origin`. */
  | { readonly kind: 'redirect'; readonly origin: string }
  /** Every answer a 429 or 503 AIP-193 envelope, with or without `Retry-After`. */
  | { readonly kind: 'throttle'; readonly status: 429 | 503; readonly retryAfter?: string };

/** An endless body stops here even if a client keeps reading: 16 GiB. */
const ENDLESS_CAP_BYTES = 16 * 1024 ** 3;
const CHUNK = Buffer.alloc(64 * 1024, 0x20);

export function isControlRequest(request: Request): boolean {
  return new URL(request.url).pathname.startsWith(CONTROL_PATH);
}

/** `fetch`, with every answer of the operations surface made hostile as `answer` says. */
export function hostile(fetch: Fetch, answer: HostileAnswer): Fetch {
  return async (request) => {
    if (isControlRequest(request)) return fetch(request);
    switch (answer.kind) {
      case 'endless':
        return endless();
      case 'padded':
        return padded(await fetch(request), answer.bytes);
      case 'gzip-bomb':
        return new Response(gzipped(answer.inflatedBytes), {
          headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        });
      case 'redirect': {
        const url = new URL(request.url);
        return new Response(null, {
          status: 307,
          headers: { location: `${answer.origin}${url.pathname}${url.search}` },
        });
      }
      case 'throttle':
        return throttled(answer.status, answer.retryAfter);
    }
  };
}

/**
 * `fetch` answering one request at a time, each after `delayMs`: a server with one worker. Under
 * the requests a run keeps in flight, the last in line waits for all before it.
 */
export function oneAtATime(fetch: Fetch, delayMs: number): Fetch {
  let queue: Promise<unknown> = Promise.resolve();
  return (request) => {
    const turn = queue.then(async () => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const response = await fetch(request);
      // The whole answer is produced inside the turn, as a single worker would.
      const body = await response.arrayBuffer();
      return new Response(body.byteLength === 0 ? null : body, response);
    });
    queue = turn.catch(() => undefined);
    return turn;
  };
}

/** 200 with a JSON media type and a body of spaces that does not end (up to 16 GiB). */
export function endless(): Response {
  return new Response(spaces(ENDLESS_CAP_BYTES), {
    headers: { 'content-type': 'application/json' },
  });
}

/** An AIP-193 envelope for a throttled request. */
export function throttled(status: 429 | 503, retryAfter?: string): Response {
  const rpcStatus = status === 429 ? 'RESOURCE_EXHAUSTED' : 'UNAVAILABLE';
  const body = {
    error: {
      code: status,
      message: status === 429 ? 'Quota exceeded.' : 'The service is currently unavailable.',
      status: rpcStatus,
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: status === 429 ? 'RATE_LIMIT_EXCEEDED' : 'BACKEND_UNAVAILABLE',
          domain: 'lro-conformance.test',
        },
      ],
    },
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json; charset=UTF-8',
      ...(retryAfter === undefined ? {} : { 'retry-after': retryAfter }),
    },
  });
}

async function padded(response: Response, bytes: number): Promise<Response> {
  const text = await response.text();
  if (text === '') return new Response(null, response);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(`${text}${' '.repeat(bytes)}`, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

/** `total` bytes of spaces, produced chunk by chunk as the reader pulls. */
function spaces(total: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent >= total) {
          controller.close();
          return;
        }
        const size = Math.min(CHUNK.byteLength, total - sent);
        sent += size;
        controller.enqueue(CHUNK.subarray(0, size));
      },
    },
    { highWaterMark: 1 },
  );
}

/** `inflated` bytes of spaces, gzip-compressed as they are read (about 1000:1). */
function gzipped(inflated: number): ReadableStream<Uint8Array> {
  const gzip = createGzip();
  // A client that goes away destroys the stream midway; that is no error of the test's.
  gzip.on('error', () => undefined);
  const source = spaces(inflated).getReader();
  const reader = gzip[Symbol.asyncIterator]();
  const feed = async (): Promise<void> => {
    for (;;) {
      const { done, value } = await source.read();
      if (done) {
        gzip.end();
        return;
      }
      if (!gzip.write(value)) {
        await new Promise((resolve) => gzip.once('drain', resolve));
      }
    }
  };
  let feeding = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!feeding) {
        feeding = true;
        void feed().catch((error: unknown) => gzip.destroy(error as Error));
      }
      const { done, value } = await reader.next();
      if (done) controller.close();
      else controller.enqueue(new Uint8Array(value as Buffer));
    },
    cancel() {
      void source.cancel();
      gzip.destroy();
    },
  });
}
