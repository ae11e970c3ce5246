/**
 * A node:http server on 127.0.0.1 for the test stand-ins (Google's front end, its metadata
 * server): it reads each request whole, logs it unscrubbed (test-only: assertions need the real
 * headers), hands it to a plain function and writes the answer back.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoggedRequest {
  readonly method: string;
  /** Path and query exactly as sent. */
  readonly path: string;
  /** Lower-case names; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** `undefined` when the request carried no body. */
  readonly body: string | undefined;
}

export interface PlainResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  /** `127.0.0.1:<port>`, as GCE_METADATA_HOST wants it. */
  readonly hostPort: string;
  /** Every request received, oldest first. */
  readonly requests: readonly LoggedRequest[];
  clearLog(): void;
  close(): Promise<void>;
}

export async function startLoopbackServer(
  answer: (request: LoggedRequest) => PlainResponse | Promise<PlainResponse>,
): Promise<LoopbackServer> {
  const requests: LoggedRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    void readRequest(incoming)
      .then(async (request) => {
        requests.push(request);
        return answer(request);
      })
      .catch(
        (error: unknown): PlainResponse => ({
          status: 500,
          headers: { 'content-type': 'text/plain' },
          body: `stand-in failed: ${error instanceof Error ? error.message : String(error)}`,
        }),
      )
      .then((response) => {
        const body = response.body ?? '';
        outgoing.writeHead(response.status, {
          ...response.headers,
          'content-length': Buffer.byteLength(body),
        });
        outgoing.end(body);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    hostPort: `127.0.0.1:${port}`,
    requests,
    clearLog: () => {
      requests.length = 0;
    },
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

async function readRequest(incoming: IncomingMessage): Promise<LoggedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const body = Buffer.concat(chunks).toString('utf8');
  return {
    method: incoming.method ?? 'GET',
    path: incoming.url ?? '/',
    headers,
    body: body === '' ? undefined : body,
  };
}
