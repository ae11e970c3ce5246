/**
 * The catalogue's reference run and docs/CATALOGUE.md: every catalogue profile is generated
 * from the shipped data, the reference serves them all, the suite runs over all of them in one
 * run with no FAIL (a clause that cannot run on a shape is SKIPPED with its reason), and the
 * committed page is what `npm run generate` writes from that run.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '#reports';
import { catalogueEntries, catalogueProfiles } from '#specs';
import { renderCatalogueDoc } from './catalogue-doc.ts';
import { CATALOGUE_DOC, catalogueRun } from './generate-catalogue-doc.ts';

describe('the catalogue against the embedded reference', () => {
  let results: RunResults;
  beforeAll(async () => {
    results = await catalogueRun();
  }, 600_000);

  it('runs every generated profile in one run', () => {
    expect(results.services).toEqual(catalogueProfiles().map((profile) => profile.id));
    expect(results.services).toHaveLength(131);
    expect(results.results).toHaveLength(131 * results.clauses.length);
  });

  it('ends with no FAIL, ERROR or INCONCLUSIVE cell: conformant', () => {
    const bad = results.results.filter((cell) =>
      ['FAIL', 'ERROR', 'INCONCLUSIVE'].includes(cell.outcome),
    );
    expect(bad).toEqual([]);
    expect(results.summary.verdict).toBe('conformant');
    expect(results.problems ?? []).toEqual([]);
  });

  it('skips exactly the clauses that cannot run on a shape, each with its reason', () => {
    const skipped = results.results.filter((cell) => cell.outcome === 'SKIPPED');
    const limited = new Set(
      catalogueProfiles()
        .filter((profile) => (profile.limits ?? []).length > 0)
        .map((profile) => profile.id),
    );
    expect(new Set(skipped.map((cell) => cell.service))).toEqual(limited);
    for (const cell of skipped) expect(cell.message).toMatch(/^cannot run on \S+: /);
  });

  it('is what docs/CATALOGUE.md shows (run `npm run generate` when it is not)', () => {
    const committed = readFileSync(CATALOGUE_DOC, 'utf8');
    expect(
      committed === renderCatalogueDoc(results),
      'docs/CATALOGUE.md is stale: run `npm run generate` and commit it',
    ).toBe(true);
    for (const entry of catalogueEntries()) expect(committed).toContain(`| **${entry.id}** |`);
  });
});
