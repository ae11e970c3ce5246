import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleResults } from './fixtures/sample-results.ts';
import { readResults } from './results-files.ts';
import { RESULTS_SCHEMA_VERSION, type RunResults } from './results-model.ts';
import { resultsViolations } from './results-schema.ts';
import { upgradeResults } from './results-upgrade.ts';

const scratch = mkdtempSync(join(tmpdir(), 'lro-upgrade-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What version 2 wrote for the same run: the two words it used then. */
function asVersion2(results: RunResults): unknown {
  const { reference } = results.target;
  return {
    ...results,
    schemaVersion: 2,
    target: {
      ...results.target,
      kind: 'mock',
      ...(reference === undefined
        ? {}
        : { reference: { ...reference, cancelMode: 'complete-despite' } }),
    },
  };
}

describe('upgradeResults', () => {
  const current: RunResults = {
    ...sampleResults(),
    target: {
      kind: 'embedded',
      reference: { cancelMode: 'completes-despite-cancel', cancelDelayMs: 0 },
    },
  };

  it('reads a version-2 results.json as the current version, word for word', () => {
    expect(RESULTS_SCHEMA_VERSION).toBe(3);
    const old = asVersion2(current);
    expect(old).toMatchObject({
      target: { kind: 'mock', reference: { cancelMode: 'complete-despite' } },
    });
    expect(resultsViolations(old)).not.toEqual([]);
    expect(upgradeResults(old)).toEqual(current);
    expect(resultsViolations(upgradeResults(old))).toEqual([]);
  });

  it('leaves the current version and anything else as it is, for the schema to judge', () => {
    expect(upgradeResults(current)).toBe(current);
    for (const value of [null, 'x', { schemaVersion: 1 }])
      expect(upgradeResults(value)).toBe(value);
  });

  it('lets diff and run --baseline read a version-2 file', () => {
    const file = join(scratch, 'v2.json');
    writeFileSync(file, JSON.stringify(asVersion2(current)));
    expect(readResults(file, 'baseline')).toEqual(current);
  });
});
