/**
 * Hostile targets on 127.0.0.1, for the tests that hold the tool to what it promises under bad
 * targets (SECURITY.md, docs/INTERPRETING.md): a static file server that knows nothing of
 * operations (what `python3 -m http.server` answers), a server that resets every connection, a
 * front end that answers 503 forever, and a server that echoes every header it receives back
 * in the encodings a careless front end uses. Nothing leaves the machine.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';

export interface HostileServer {
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  /** Requests received (connections, for the resetting server). */
  readonly received: () => number;
  close(): Promise<void>;
}

async function listen(server: Server | TcpServer): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

function closer(server: Server | TcpServer, sockets?: Set<{ destroy(): void }>) {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      if ('closeAllConnections' in server) server.closeAllConnections();
      for (const socket of sockets ?? []) socket.destroy();
    });
    return closing;
  };
}

/** An HTML error page, as Python's http.server (3.11) writes it. */
function pythonErrorPage(code: number, message: string, explanation: string): string {
  return `<!DOCTYPE HTML>
<html lang="en">
    <head>
        <meta charset="utf-8">
        <title>Error response</title>
    </head>
    <body>
        <h1>Error response</h1>
        <p>Error code: ${code}</p>
        <p>Message: ${message}.</p>
        <p>Error code explanation: ${code} - ${explanation}.</p>
    </body>
</html>
`;
}

/**
 * What `python3 -m http.server` in an empty folder answers: 404 "File not found" as an HTML page
 * to every GET, 501 "Unsupported method ('POST')" as an HTML page to every POST.
 */
export async function startStaticFileServer(): Promise<HostileServer> {
  let count = 0;
  const server = createHttpServer((request, response) => {
    count += 1;
    request.resume();
    const post = request.method === 'POST';
    const [status, message, explanation] = post
      ? [501, "Unsupported method ('POST')", 'Server does not support this operation']
      : [404, 'File not found', 'Nothing matches the given URI'];
    const body = pythonErrorPage(status, message, explanation);
    response.writeHead(status, message, {
      server: 'SimpleHTTP/0.6 Python/3.11.7',
      'content-type': 'text/html;charset=utf-8',
      'content-length': Buffer.byteLength(body),
      connection: 'close',
    });
    response.end(body);
  });
  const port = await listen(server);
  return { baseUrl: `http://127.0.0.1:${port}`, received: () => count, close: closer(server) };
}

/** Accepts every connection and resets it at once (TCP RST), before any answer. */
export async function startResettingServer(): Promise<HostileServer> {
  let count = 0;
  const sockets = new Set<{ destroy(): void }>();
  const server = createTcpServer((socket) => {
    count += 1;
    socket.on('error', () => {});
    socket.resetAndDestroy();
  });
  const port = await listen(server);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received: () => count,
    close: closer(server, sockets),
  };
}

/** A front end that answers 503 Service Unavailable to everything, for ever. */
export async function startUnavailableServer(): Promise<HostileServer> {
  let count = 0;
  const server = createHttpServer((request, response) => {
    count += 1;
    request.resume();
    const body = '<html><body>503 Service Unavailable</body></html>';
    response.writeHead(503, {
      'content-type': 'text/html',
      'content-length': Buffer.byteLength(body),
    });
    response.end(body);
  });
  const port = await listen(server);
  return { baseUrl: `http://127.0.0.1:${port}`, received: () => count, close: closer(server) };
}

/** The encodings of a header value the echoing server repeats. */
export const ECHO_ENCODINGS = {
  plain: (value: string) => value,
  base64: (value: string) => Buffer.from(value).toString('base64'),
  base64url: (value: string) => Buffer.from(value).toString('base64url'),
  hex: (value: string) => Buffer.from(value).toString('hex'),
  hexUpper: (value: string) => Buffer.from(value).toString('hex').toUpperCase(),
  url: (value: string) => encodeURIComponent(value),
} as const satisfies Record<string, (value: string) => string>;

/**
 * Answers every request with a 404 NOT_FOUND envelope whose message repeats each request
 * header, and the request's path and query, in every encoding of ECHO_ENCODINGS; its answer
 * headers repeat them too (`x-echo-<encoding>`). A front end that reflects what it was sent is
 * how credentials reach the evidence of a report.
 */
export async function startEchoingServer(): Promise<HostileServer> {
  let count = 0;
  const server = createHttpServer((request, response) => {
    count += 1;
    request.resume();
    const echoed = echoesOf(request);
    const body = JSON.stringify({
      error: { code: 404, message: `not found; you sent ${echoed.join(' ')}`, status: 'NOT_FOUND' },
    });
    const headers: Record<string, string | number> = {
      'content-type': 'application/json; charset=UTF-8',
      'content-length': Buffer.byteLength(body),
    };
    for (const [name, encode] of Object.entries(ECHO_ENCODINGS)) {
      headers[`x-echo-${name.toLowerCase()}`] = encode(request.url ?? '/').replace(
        /[^\x21-\x7e]/g,
        '',
      );
    }
    response.writeHead(404, headers);
    response.end(body);
  });
  const port = await listen(server);
  return { baseUrl: `http://127.0.0.1:${port}`, received: () => count, close: closer(server) };
}

function echoesOf(request: IncomingMessage): string[] {
  const values = [request.url ?? '/'];
  for (const [name, value] of Object.entries(request.headers)) {
    if (name === 'host' || value === undefined) continue;
    values.push(...(Array.isArray(value) ? value : [value]));
    // The token alone, as a front end that parsed the scheme off would echo it.
    if (name === 'authorization' && typeof value === 'string') {
      values.push(value.replace(/^\S+\s+/, ''));
    }
  }
  return values.flatMap((value) =>
    Object.entries(ECHO_ENCODINGS).map(([name, encode]) => `${name}=${encode(value)}`),
  );
}
