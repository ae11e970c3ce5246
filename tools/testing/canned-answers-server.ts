/**
 * A throwaway HTTP server on 127.0.0.1 for tests that fetch over a real socket: it answers
 * each path from a table and records what was asked. Nothing leaves the machine.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CannedAnswer {
  readonly status?: number;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Wait this long before answering (to show timeouts). */
  readonly delayMs?: number;
}

export interface LoopbackServer {
  readonly baseUrl: string;
  /** Paths with query strings, in the order they were requested. */
  readonly requested: readonly string[];
  close(): Promise<void>;
}

export async function serveAnswers(
  answers: Readonly<Record<string, CannedAnswer>>,
): Promise<LoopbackServer> {
  const requested: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '/';
    requested.push(url);
    const answer = answers[url] ?? answers[url.replace(/\?.*$/, '')];
    const send = () => {
      if (answer === undefined) response.writeHead(404).end('not here');
      else
        response
          .writeHead(answer.status ?? 200, {
            'content-type': 'application/json',
            ...answer.headers,
          })
          .end(answer.body);
    };
    if (answer?.delayMs) setTimeout(send, answer.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requested,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A loopback port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
