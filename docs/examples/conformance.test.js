// A test in your own vitest suite (docs/API.md): your MSW mocks (docs/MSW-TARGET.md) must pass
// every clause that applies to the services they serve. A run takes a few seconds: give the test
// more than vitest's default 5 s.
import { runConformance } from 'lro-conformance';
import { expect, it } from 'vitest';

it('our mocks behave like the documented API', { timeout: 60_000 }, async () => {
  const results = await runConformance({ target: 'msw:mocks/handlers.js' });
  const broken = results.results.filter((cell) => ['FAIL', 'ERROR'].includes(cell.outcome));
  expect(broken.map((cell) => `${cell.service} ${cell.clause}: ${cell.message}`)).toEqual([]);
  expect(results.summary.verdict).toBe('conformant');
});
