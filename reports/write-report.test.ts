import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SECRET_TOKEN, sampleResults } from './fixtures/sample-results.ts';
import { InvalidResultsError } from './invalid-results-error.ts';
import { redactDeep } from './redact.ts';
import type { RunResults } from './results-model.ts';
import { writeReport } from './write-report.ts';

describe('writeReport', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'lro-reports-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('creates the directory and writes results.json and matrix.md', async () => {
    const dir = join(root, 'nested', 'run');
    const paths = await writeReport(dir, sampleResults());
    expect(paths).toEqual({
      resultsJson: join(dir, 'results.json'),
      matrixMarkdown: join(dir, 'matrix.md'),
    });
    const json = await readFile(paths.resultsJson, 'utf8');
    expect(JSON.parse(json)).toEqual(redactDeep(sampleResults()));
    expect(json).toContain('\n  "schemaVersion": 2,');
    expect(await readFile(paths.matrixMarkdown, 'utf8')).toContain('# Conformance results');
  });

  it('scrubs every credential in the results before they reach the disk', async () => {
    const paths = await writeReport(join(root, 'run'), sampleResults());
    expect(JSON.stringify(sampleResults())).toContain(SECRET_TOKEN);
    for (const file of [paths.resultsJson, paths.matrixMarkdown]) {
      expect(await readFile(file, 'utf8')).not.toContain(SECRET_TOKEN);
    }
  });

  it('throws InvalidResultsError and writes nothing when the model does not validate', async () => {
    const invalid = { ...sampleResults(), schemaVersion: 3 } as unknown as RunResults;
    await expect(writeReport(join(root, 'run'), invalid)).rejects.toBeInstanceOf(
      InvalidResultsError,
    );
    expect(await readdir(root)).toEqual([]);
  });
});
