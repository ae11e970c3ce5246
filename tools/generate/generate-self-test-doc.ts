/** Rewrites the generated tables of docs/SELF-TEST.md (`npm run generate`). */
import { readFileSync, writeFileSync } from 'node:fs';
import { withGeneratedPart } from './self-test-doc.ts';

export const SELF_TEST_DOC = new URL('../../docs/SELF-TEST.md', import.meta.url);

if (import.meta.main) {
  writeFileSync(SELF_TEST_DOC, withGeneratedPart(readFileSync(SELF_TEST_DOC, 'utf8')));
  process.stdout.write(`wrote ${SELF_TEST_DOC.pathname}\n`);
}
