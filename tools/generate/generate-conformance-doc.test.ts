import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFORMANCE_DOC, renderCurrentConformanceDoc } from './generate-conformance-doc.ts';

describe('docs/CONFORMANCE.md', () => {
  it('matches the clauses the suites declare (run `npm run generate` when it does not)', async () => {
    const committed = readFileSync(CONFORMANCE_DOC, 'utf8');
    const current = await renderCurrentConformanceDoc();
    expect(
      committed === current,
      'docs/CONFORMANCE.md is stale: run `npm run generate` and commit it',
    ).toBe(true);
  }, 60_000);

  it('lists every suite file as a clause', async () => {
    const current = await renderCurrentConformanceDoc();
    for (const id of [
      'cancel/cancelled-operation-has-error-code-1',
      'errors/unknown-name-answers-not-found',
    ]) {
      expect(current).toContain(id);
    }
  }, 60_000);
});
