/**
 * Writes docs/CONFORMANCE.md from the clauses the suites declare (`npm run generate`).
 * A test fails while the committed file differs from what this would write.
 */
import { writeFileSync } from 'node:fs';
import { renderConformanceDoc } from '#reports';
import { serviceIds } from '#specs';
import { collectClauses } from '../../harness/run/collect-clauses.ts';

export const CONFORMANCE_DOC = new URL('../../docs/CONFORMANCE.md', import.meta.url);

export async function renderCurrentConformanceDoc(): Promise<string> {
  return renderConformanceDoc(await collectClauses(), serviceIds());
}

if (import.meta.main) {
  writeFileSync(CONFORMANCE_DOC, await renderCurrentConformanceDoc());
  process.stdout.write(`wrote ${CONFORMANCE_DOC.pathname}\n`);
}
