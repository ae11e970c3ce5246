/**
 * Writes a run's report files: results.json (the contract, validated against
 * results.schema.json before anything touches the disk) and matrix.md (for people). Both are
 * scrubbed as a whole (redact.ts) behind the scrubbing of evidence, so a secret in a message
 * never reaches the disk either.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { redactDeep } from './redact.ts';
import { renderMatrixMarkdown } from './render-matrix-markdown.ts';
import type { RunResults } from './results-model.ts';
import { assertValidRunResults } from './results-schema.ts';

export interface ReportPaths {
  readonly resultsJson: string;
  readonly matrixMarkdown: string;
}

export async function writeReport(dir: string, results: RunResults): Promise<ReportPaths> {
  assertValidRunResults(results);
  const paths: ReportPaths = {
    resultsJson: join(dir, 'results.json'),
    matrixMarkdown: join(dir, 'matrix.md'),
  };
  const scrubbed = redactDeep(results);
  await mkdir(dir, { recursive: true });
  await writeFile(paths.resultsJson, `${JSON.stringify(scrubbed, null, 2)}\n`, 'utf8');
  await writeFile(paths.matrixMarkdown, renderMatrixMarkdown(scrubbed), 'utf8');
  return paths;
}
