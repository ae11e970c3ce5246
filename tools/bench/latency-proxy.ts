/**
 * A loopback HTTP proxy that holds every request for a fixed delay before forwarding it, so that
 * a benchmark sees the round trip of a distant server (issue 12: 50 ms per request). Runs as its
 * own process: `node tools/bench/latency-proxy.ts --target URL --delay-ms 50`, prints
 * `latency proxy: http://127.0.0.1:PORT` when ready and stops on SIGTERM.
 */
import { Agent, createServer, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { target: { type: 'string' }, 'delay-ms': { type: 'string', default: '50' } },
});
if (values.target === undefined) {
  process.stderr.write('latency-proxy: --target URL is required\n');
  process.exit(2);
}
const target = new URL(values.target);
const delayMs = Number(values['delay-ms']);
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

const server = createServer((incoming, outgoing) => {
  const body: Buffer[] = [];
  incoming.on('data', (chunk: Buffer) => body.push(chunk));
  incoming.on('end', async () => {
    await sleep(delayMs);
    const upstream = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', (error) => {
      outgoing.writeHead(502).end(String(error));
    });
    upstream.end(Buffer.concat(body));
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  process.stdout.write(`latency proxy: http://127.0.0.1:${port} (+${delayMs} ms per request)\n`);
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  agent.destroy();
});
