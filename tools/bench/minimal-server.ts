/**
 * The floor of the reference-server benchmark: a node:http server that does the least an
 * operations server must (read the request, answer JSON) and nothing else. Runs as its own
 * process: `node tools/bench/minimal-server.ts`, prints `minimal server: URL`, stops on SIGTERM.
 */
import { createServer } from 'node:http';

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    const body = JSON.stringify({ name: request.url, done: false });
    response.writeHead(200, {
      'content-type': 'application/json; charset=UTF-8',
      'content-length': Buffer.byteLength(body),
    });
    response.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  process.stdout.write(`minimal server: http://127.0.0.1:${port}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
});
