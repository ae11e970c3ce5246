/**
 * `lro-conformance merge DIR... --report-dir OUT`: combines the reports of a sharded run
 * (`run --shard i/n`, one report directory per shard) into the report an unsharded run would
 * have written (reports/merge-results.ts), prints its matrix and exits with its verdict.
 * Shards that are missing, overlapping or from different runs are usage errors (exit 2).
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { invalidFileError, isErrorOf, usageError } from '#base';
import {
  checkReportDir,
  EXIT_CODE_OF_VERDICT,
  isInvalidResultsError,
  mergeShards,
  type RunResults,
  renderMatrixText,
  resultsViolations,
  type ShardReport,
  streamUsesColor,
  upgradeResults,
  writeReport,
} from '#reports';
import { parseCommandLine } from '../options/index.ts';

export const usage = `Usage: lro-conformance merge DIR... --report-dir OUT

Merges the reports of a sharded run (lro-conformance run --shard i/n --report-dir DIR, one DIR
per shard) into one report, identical to what an unsharded run writes except for its times.

  --report-dir OUT   where the merged results.json, matrix.md, junit.xml and report.html go
  -h, --help         this text

Exit codes: as lro-conformance run, from the merged verdict (0 conformant, 1 a MUST cell fails,
3 ERROR, 4 not verified, 130 a shard was interrupted); 2 when a DIR has no valid results.json
or the shards are missing, repeated, overlapping or from different runs.`;

async function readShard(dir: string): Promise<ShardReport> {
  const path = join(dir, 'results.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw invalidFileError(`cannot read ${path} (${code}): give the --report-dir of each shard`);
  }
  let value: unknown;
  try {
    // A shard written by the previous schema version merges with the others as the current one.
    value = upgradeResults(JSON.parse(text));
  } catch (error) {
    throw invalidFileError(`${path} is not JSON: ${(error as Error).message}`);
  }
  const violations = resultsViolations(value);
  if (violations.length > 0) {
    const more = violations.length > 1 ? ` (and ${violations.length - 1} more)` : '';
    throw invalidFileError(
      `${path} is not a results.json of this version: ${violations[0]}${more}`,
    );
  }
  return { source: dir, results: value as RunResults };
}

function merged(shards: readonly ShardReport[]): RunResults {
  try {
    return mergeShards(shards);
  } catch (error) {
    if (isErrorOf(error, 'usage') || isInvalidResultsError(error)) {
      throw invalidFileError(error.message.split('\n')[0] ?? error.message);
    }
    throw error;
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, {
    'report-dir': { type: 'string' },
  });
  const out = values['report-dir'];
  if (out === undefined) throw usageError('--report-dir OUT is required (see --help)');
  if (positionals.length === 0) {
    throw usageError('give the report directory of each shard: merge DIR... --report-dir OUT');
  }
  if (positionals.some((dir) => resolve(dir) === resolve(out))) {
    throw usageError(`--report-dir ${out} is one of the shards: write the merged report elsewhere`);
  }
  const problem = await checkReportDir(out);
  if (problem !== undefined) throw usageError(problem);

  const shards = await Promise.all(positionals.map(readShard));
  const results = merged(shards);
  const written = await writeReport(resolve(out), results);
  process.stdout.write(
    `${renderMatrixText(results, { color: streamUsesColor(process.stdout) })}\n`,
  );
  process.stdout.write(
    `report: ${written.resultsJson}\n        ${written.matrixMarkdown}\n        ${written.junitXml}\n        ${written.htmlReport}\n`,
  );
  return EXIT_CODE_OF_VERDICT[results.summary.verdict];
}
