// A client developer's plain Node ESM script (no TypeScript, no test runner), copied into the
// packaging test's temporary project: the MSW handlers intercept fetch in-process, the HTTP
// server answers over loopback. Prints what it saw as one JSON line.

import { createReferenceHandlers, createReferenceModel } from 'lro-conformance/msw';
import { startReferenceServer } from 'lro-conformance/server';
import { setupServer } from 'msw/node';

async function cancelThenGet(base, name) {
  const cancel = await fetch(`${base}/v1alpha/${name}:cancel`, { method: 'POST' });
  const operation = await (await fetch(`${base}/v1alpha/${name}`)).json();
  return { cancelStatus: cancel.status, done: operation.done, errorCode: operation.error?.code };
}

const model = createReferenceModel();
const msw = setupServer(...createReferenceHandlers({ model }));
msw.listen({ onUnhandledFrame: 'error' });
const viaMsw = await cancelThenGet(
  'https://checks.googleapis.com',
  model.createOperation('checks', 'running'),
);
msw.close();

const server = await startReferenceServer({ port: 0 });
const viaServer = await cancelThenGet(
  server.baseUrl,
  server.model.createOperation('checks', 'running'),
);
await server.close();

process.stdout.write(`${JSON.stringify({ viaMsw, viaServer })}\n`);
