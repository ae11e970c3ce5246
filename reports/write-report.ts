/**
 * Writes a run's report files: results.json (the contract, validated against
 * results.schema.json before anything touches the disk) and matrix.md (for people).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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
  await mkdir(dir, { recursive: true });
  await writeFile(paths.resultsJson, `${JSON.stringify(results, null, 2)}\n`, 'utf8');
  await writeFile(paths.matrixMarkdown, renderMatrixMarkdown(results), 'utf8');
  return paths;
}
