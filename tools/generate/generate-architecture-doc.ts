/**
 * Writes docs/ARCHITECTURE.md from the rule file .dependency-cruiser.ts (`npm run generate`).
 * A test fails while the committed file differs from what this would write.
 */
import { writeFileSync } from 'node:fs';
import { renderArchitectureDoc } from './architecture-doc.ts';

export const ARCHITECTURE_DOC = new URL('../../docs/ARCHITECTURE.md', import.meta.url);

if (import.meta.main) {
  writeFileSync(ARCHITECTURE_DOC, renderArchitectureDoc());
  process.stdout.write(`wrote ${ARCHITECTURE_DOC.pathname}\n`);
}
