/**
 * Writes docs/CATALOGUE.md (`npm run generate`): runs the suite over every catalogue profile
 * against the embedded reference, then renders the table (catalogue-doc.ts). A test fails while
 * the committed file differs from what this would write.
 */
import { writeFileSync } from 'node:fs';
import type { RunResults } from '#reports';
import { runConformance } from '../../harness/api/index.ts';
import { renderCatalogueDoc } from './catalogue-doc.ts';

export const CATALOGUE_DOC = new URL('../../docs/CATALOGUE.md', import.meta.url);

/** The reference run over the whole catalogue: the same run `run --catalogue` makes. */
export function catalogueRun(): Promise<RunResults> {
  return runConformance({ catalogue: true });
}

if (import.meta.main) {
  writeFileSync(CATALOGUE_DOC, renderCatalogueDoc(await catalogueRun()));
  process.stdout.write(`wrote ${CATALOGUE_DOC.pathname}\n`);
}
