/**
 * Merges the RunResults of a sharded run (`--shard i/n`, cells split by shard-of-cell.ts) into
 * the document an unsharded run would have written: same cells, clauses, order, summary and
 * verdict; only the times differ (startedAt = the earliest shard's, durationMs = the span from
 * it to the last shard's end). Shards must come from one run (same tool version, target,
 * settings and services), all n of them, each once, with disjoint cells.
 */
import { isDeepStrictEqual } from 'node:util';
import { invalidFileError, type UsageError } from '#base';
import { buildRunResults } from './build-run-results.ts';
import { describeTarget } from './matrix-view.ts';
import type { RunResults } from './results-model.ts';
import { scrubText } from './scrub.ts';

export interface ShardReport {
  /** Where the shard came from, for messages: its report directory or file. */
  readonly source: string;
  readonly results: RunResults;
}

type Shard = ShardReport & { readonly shard: NonNullable<RunResults['shard']> };

function asShards(reports: readonly ShardReport[]): Shard[] {
  if (reports.length === 0) throw shardMismatch('no shard report to merge');
  return reports.map((report) => {
    const { shard } = report.results;
    if (shard === undefined) {
      throw shardMismatch(
        `${report.source} is not a shard (its results.json has no "shard"): merge the report directories of runs made with --shard i/n`,
      );
    }
    return { ...report, shard };
  });
}

function assertOneRun(shards: readonly Shard[]): void {
  const [first, ...rest] = shards;
  if (first === undefined) return;
  for (const other of rest) {
    const differs = (what: string, a: string, b: string) =>
      shardMismatch(
        `${other.source} and ${first.source} come from different runs: ${what} ${b} and ${a}`,
      );
    if (other.shard.count !== first.shard.count) {
      throw differs(
        'they split the run in',
        `${first.shard.count} shards`,
        `${other.shard.count} shards`,
      );
    }
    if (other.results.tool.version !== first.results.tool.version) {
      throw differs(
        'made by lro-conformance',
        first.results.tool.version,
        other.results.tool.version,
      );
    }
    if (!isDeepStrictEqual(other.results.target, first.results.target)) {
      const target = (r: RunResults) => scrubText(describeTarget(r));
      throw differs('ran against', target(first.results), target(other.results));
    }
    if (!isDeepStrictEqual(other.results.settings, first.results.settings)) {
      const settings = (r: RunResults) => JSON.stringify(r.settings);
      throw differs('ran with settings', settings(first.results), settings(other.results));
    }
    if (!isDeepStrictEqual(other.results.services, first.results.services)) {
      const services = (r: RunResults) => r.services.join(',');
      throw differs('checked services', services(first.results), services(other.results));
    }
  }
}

function assertComplete(shards: readonly Shard[]): void {
  const count = shards[0]?.shard.count ?? 0;
  const byIndex = new Map<number, Shard>();
  for (const shard of shards) {
    const { index } = shard.shard;
    const seen = byIndex.get(index);
    if (seen !== undefined) {
      throw shardMismatch(
        `${seen.source} and ${shard.source} are both shard ${index}/${count}: give each shard once`,
      );
    }
    byIndex.set(index, shard);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    const names = missing.map((index) => `${index}/${count}`).join(', ');
    throw shardMismatch(
      `shard ${names} ${missing.length === 1 ? 'is' : 'are'} missing: merge the report directories of all ${count} shards`,
    );
  }
}

function assertDisjoint(shards: readonly Shard[]): void {
  const owner = new Map<string, string>();
  for (const shard of shards) {
    for (const cell of shard.results.results) {
      const key = `${cell.service} × ${cell.clause}`;
      const seen = owner.get(key);
      if (seen !== undefined) {
        throw shardMismatch(
          `${key} is in both ${seen} and ${shard.source}: shards of one run never share a cell`,
        );
      }
      owner.set(key, shard.source);
    }
  }
}

/** Every shard's rerun arguments: shards of one run were given the same options. */
function rerunOf(shards: readonly Shard[]): RunResults['rerun'] {
  const all = shards.map((shard) => shard.results.rerun).filter((r) => r !== undefined);
  if (all.length === 0) return undefined;
  const merged: Record<string, readonly string[]> = {};
  for (const rerun of all)
    for (const [service, args] of Object.entries(rerun)) merged[service] = args;
  return merged;
}

function sumRequests(shards: readonly Shard[]): RunResults['requests'] {
  const all = shards.map((shard) => shard.results.requests).filter((r) => r !== undefined);
  if (all.length === 0) return undefined;
  const total: Record<string, number> = {};
  for (const requests of all) {
    for (const [service, count] of Object.entries(requests)) {
      total[service] = (total[service] ?? 0) + count;
    }
  }
  return total;
}

export function mergeShards(reports: readonly ShardReport[]): RunResults {
  const shards = asShards(reports);
  assertOneRun(shards);
  assertComplete(shards);
  assertDisjoint(shards);
  const [first] = shards;
  if (first === undefined) throw shardMismatch('no shard report to merge');
  const starts = shards.map((shard) => Date.parse(shard.results.startedAt));
  const ends = shards.map((shard, i) => (starts[i] ?? 0) + shard.results.durationMs);
  const startedAt = Math.min(...starts);
  const problems = [...new Set(shards.flatMap((shard) => shard.results.problems ?? []))];
  const requests = sumRequests(shards);
  const rerun = rerunOf(shards);
  return buildRunResults({
    // Each shard saw only its own cancels: buildRunResults decides the run-wide rules again
    // over the whole run (run-rules.ts); the shards' expectation marks are kept as they are.
    cells: shards.flatMap((shard) => shard.results.results),
    clauses: shards.flatMap((shard) => shard.results.clauses),
    services: first.results.services,
    target: first.results.target,
    startedAt: new Date(startedAt),
    durationMs: Math.max(...ends) - startedAt,
    toolVersion: first.results.tool.version,
    settings: first.results.settings,
    interrupted: shards.some((shard) => shard.results.interrupted === true),
    problems,
    ...(requests === undefined ? {} : { requests }),
    ...(rerun === undefined ? {} : { rerun }),
  });
}

/**
 * Shard reports that cannot be merged into one run: not shards, from different runs, missing,
 * duplicated or overlapping. The message names the shards at fault and how to fix it.
 */
function shardMismatch(message: string): UsageError {
  return invalidFileError(message);
}
