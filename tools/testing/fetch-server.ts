/**
 * A fetch-shaped function served over loopback HTTP, for tests that need a target on a real
 * socket made from an in-process one: the embedded reference with a variant, or hostile answers
 * (hostile-answers.ts). Request bodies are read up to 1 MiB. Answer bodies are streamed as the
 * function gives them, bytes as they are (a `content-encoding` header is passed on, the body is
 * not encoded again), so an endless or compressed body reaches the client as a real server would
 * send it; when the client goes away, the stream is cancelled and the server stops producing it.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

export interface FetchServer {
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  /** Every request received, method, path and headers (lower-case names), oldest first. */
  readonly requests: readonly {
    readonly method: string;
    readonly path: string;
    readonly headers: Readonly<Record<string, string>>;
  }[];
  close(): Promise<void>;
}

/** Serves `fetch` on 127.0.0.1; each request's URL is the server's base URL plus its raw path. */
export async function serveFetch(
  fetch: (request: Request) => Promise<Response>,
): Promise<FetchServer> {
  const requests: FetchServer['requests'][number][] = [];
  let baseUrl = '';
  const server = createServer((incoming, outgoing) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    requests.push({ method: incoming.method ?? 'GET', path: incoming.url ?? '/', headers });
    void readBody(incoming)
      .then((body) =>
        fetch(
          new Request(`${baseUrl}${incoming.url ?? '/'}`, {
            method: incoming.method ?? 'GET',
            headers,
            ...(body === undefined ? {} : { body }),
          }),
        ),
      )
      .then(
        (response) => {
          const head: Record<string, string> = {};
          response.headers.forEach((value, name) => {
            head[name] = value;
          });
          outgoing.writeHead(response.status, head);
          if (response.body === null) {
            outgoing.end();
            return;
          }
          const body = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
          outgoing.on('close', () => body.destroy());
          body.on('error', () => outgoing.destroy());
          body.pipe(outgoing);
        },
        (error: unknown) => {
          outgoing.writeHead(500, { 'content-type': 'text/plain' });
          outgoing.end(`fetch server failed: ${error instanceof Error ? error.message : error}`);
        },
      );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let closing: Promise<void> | undefined;
  return {
    baseUrl,
    requests,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

async function readBody(incoming: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming) {
    size += (chunk as Buffer).byteLength;
    if (size > MAX_REQUEST_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return size === 0 ? undefined : Buffer.concat(chunks);
}
