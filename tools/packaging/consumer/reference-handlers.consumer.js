// A client developer's vitest file, copied into the packaging test's temporary project as
// reference-handlers.test.js and run
// by that project's own vitest: the docs/REFERENCE.md example, as JavaScript.

import { createReferenceHandlers, createReferenceModel } from 'lro-conformance/msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';

const model = createReferenceModel({ cancelDelayMs: 0 });
const server = setupServer(...createReferenceHandlers({ model }));
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

it('sees the cancellation', async () => {
  const name = model.createOperation('checks', 'running');
  await fetch(`https://checks.googleapis.com/v1alpha/${name}:cancel`, { method: 'POST' });
  const operation = await (await fetch(`https://checks.googleapis.com/v1alpha/${name}`)).json();
  expect(operation).toMatchObject({ done: true, error: { code: 1 } });
});
