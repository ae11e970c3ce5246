import { describe, expect, it } from 'vitest';
import { isLroError } from '#base';
import { failingRun } from './fixtures/failing-run.ts';
import { splitIntoShards } from './fixtures/shards.ts';
import { mergeShards, type ShardReport } from './merge-results.ts';
import type { RunResults } from './results-model.ts';
import { resultsViolations } from './results-schema.ts';
import { fnv1a32, shardOfCell } from './shard-of-cell.ts';

function reports(shards: readonly RunResults[]): ShardReport[] {
  return shards.map((results, i) => ({ source: `shard-${i + 1}`, results }));
}

/** The document with every time field removed: what merging must keep identical. */
function withoutTimes(results: RunResults): unknown {
  return JSON.parse(
    JSON.stringify(results, (key, value) =>
      key === 'startedAt' || key === 'durationMs' ? undefined : value,
    ),
  );
}

function mergeError(shards: readonly ShardReport[]): string {
  try {
    mergeShards(shards);
  } catch (error) {
    if (isLroError(error) && error.code === 'INVALID_FILE') return error.message;
    throw error;
  }
  throw new Error('the shards merged');
}

describe('shardOfCell', () => {
  it('hashes with FNV-1a (32 bits) over UTF-8', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
    // é is two bytes in UTF-8 (C3 A9); the reference multiplies in BigInt, without Math.imul.
    let reference = 0x811c9dc5n;
    for (const byte of [0xc3, 0xa9]) {
      reference = ((reference ^ BigInt(byte)) * 0x01000193n) & 0xffffffffn;
    }
    expect(fnv1a32('é')).toBe(Number(reference));
  });

  it('gives every cell one shard from 1 to count, the same every time', () => {
    const cells = failingRun().results;
    for (const count of [1, 2, 3, 7]) {
      const shards = cells.map((cell) => shardOfCell(cell.service, cell.clause, count));
      expect(shards.every((index) => index >= 1 && index <= count)).toBe(true);
      expect(cells.map((cell) => shardOfCell(cell.service, cell.clause, count))).toEqual(shards);
    }
    expect(shardOfCell('checks', 'cancel/x', 3)).toBe((fnv1a32('checks\ncancel/x') % 3) + 1);
  });

  it('spreads the cells of a run over the shards', () => {
    const used = new Set(failingRun().results.map((c) => shardOfCell(c.service, c.clause, 3)));
    expect(used).toEqual(new Set([1, 2, 3]));
  });

  it('refuses a count that is not a whole number of at least 1', () => {
    expect(() => shardOfCell('checks', 'c', 0)).toThrow(RangeError);
    expect(() => shardOfCell('checks', 'c', 1.5)).toThrow(RangeError);
  });
});

describe('mergeShards', () => {
  const unsharded = failingRun({ requests: undefined });

  it('gives the unsharded document back, byte for byte, when the times match', () => {
    const merged = mergeShards(reports(splitIntoShards(unsharded, 3)));
    expect(JSON.stringify(merged, null, 2)).toBe(JSON.stringify(unsharded, null, 2));
  });

  it('starts at the earliest shard and lasts until the last one ends; nothing else differs', () => {
    const shards = splitIntoShards(unsharded, 3, (index) => ({
      offsetMs: index * 1000,
      durationMs: 500 * index,
    }));
    const merged = mergeShards(reports(shards.reverse()));
    expect(merged.startedAt).toBe('2026-11-23T18:00:01.000Z');
    expect(merged.durationMs).toBe(3000 + 1500 - 1000);
    expect(withoutTimes(merged)).toEqual(withoutTimes(unsharded));
    expect(resultsViolations(merged)).toEqual([]);
    expect(merged.shard).toBeUndefined();
  });

  it('keeps the verdict: interrupted when any shard was, and every problem once', () => {
    const shards = splitIntoShards(failingRun({ problems: ['suites/x.test.ts: cannot load'] }), 2);
    const [one, two] = shards;
    if (one === undefined || two === undefined) throw new Error('two shards expected');
    const merged = mergeShards(reports([one, { ...two, interrupted: true }]));
    expect(merged.interrupted).toBe(true);
    expect(merged.summary.verdict).toBe('interrupted');
    expect(merged.problems).toEqual(['suites/x.test.ts: cannot load']);
  });

  it('adds up the requests each shard sent per service', () => {
    const [one, two] = splitIntoShards(unsharded, 2);
    if (one === undefined || two === undefined) throw new Error('two shards expected');
    const merged = mergeShards(
      reports([
        { ...one, requests: { checks: 3, dai: 1 } },
        { ...two, requests: { checks: 2 } },
      ]),
    );
    expect(merged.requests).toEqual({ checks: 5, dai: 1 });
  });

  it('names the missing shards', () => {
    const [one] = splitIntoShards(unsharded, 3);
    if (one === undefined) throw new Error('a shard expected');
    expect(mergeError(reports([one]))).toBe(
      'shard 2/3, 3/3 are missing: merge the report directories of all 3 shards',
    );
  });

  it('names two reports of the same shard', () => {
    const [one, two] = splitIntoShards(unsharded, 2);
    if (one === undefined || two === undefined) throw new Error('two shards expected');
    expect(mergeError(reports([one, two, one]))).toBe(
      'shard-1 and shard-3 are both shard 1/2: give each shard once',
    );
  });

  it('names shards whose cells overlap', () => {
    const [one, two] = splitIntoShards(unsharded, 2);
    if (one === undefined || two === undefined) throw new Error('two shards expected');
    const stolen = one.results[0];
    if (stolen === undefined) throw new Error('shard 1 has no cell');
    const overlapping = { ...two, results: [...two.results, stolen] };
    expect(mergeError(reports([one, overlapping]))).toBe(
      `${stolen.service} × ${stolen.clause} is in both shard-1 and shard-2: shards of one run never share a cell`,
    );
  });

  it.for<[string, (r: RunResults) => RunResults, RegExp]>([
    [
      'a report that is not a shard',
      (r) => ({ ...r, shard: undefined }) as unknown as RunResults,
      /^shard-2 is not a shard \(its results.json has no "shard"\)/,
    ],
    [
      'a different shard count',
      (r) => ({ ...r, shard: { index: 2, count: 3 } }),
      /^shard-2 and shard-1 come from different runs: they split the run in 3 shards and 2 shards$/,
    ],
    [
      'another tool version',
      (r) => ({ ...r, tool: { ...r.tool, version: '9.9.9' } }),
      /^shard-2 and shard-1 come from different runs: made by lro-conformance 9.9.9 and 0.1.0$/,
    ],
    [
      'another target',
      (r) => ({ ...r, target: { kind: 'url', baseUrl: 'http://127.0.0.1:6666' } }),
      /^shard-2 and shard-1 come from different runs: ran against url http:\/\/127.0.0.1:6666 and url http:\/\/127.0.0.1:5555$/,
    ],
    [
      'other settings',
      (r) => ({ ...r, settings: { ...r.settings, deadlineMs: 1 } }),
      /^shard-2 and shard-1 come from different runs: ran with settings \{"deadlineMs":1/,
    ],
    [
      'other services',
      (r) => ({ ...r, services: ['checks'] }),
      /^shard-2 and shard-1 come from different runs: checked services checks and admanager,/,
    ],
  ])('refuses %s, naming it', ([, change, message]) => {
    const [one, two] = splitIntoShards(unsharded, 2);
    if (one === undefined || two === undefined) throw new Error('two shards expected');
    expect(mergeError(reports([one, change(two)]))).toMatch(message);
  });

  it('refuses nothing to merge', () => {
    expect(mergeError([])).toBe('no shard report to merge');
  });
});

describe('mergeShards and the cancel-support rule', () => {
  it('FAILs a 501 in one shard when another shard saw the same service accept a cancel', () => {
    const run = failingRun();
    const pair = run.results.flatMap((accepting) =>
      run.results
        .filter(
          (cell) =>
            cell.service === accepting.service &&
            shardOfCell(cell.service, cell.clause, 2) !==
              shardOfCell(accepting.service, accepting.clause, 2),
        )
        .map((refusing) => ({ accepting, refusing })),
    )[0];
    if (pair === undefined) throw new Error('the fixture has no service with cells in both shards');
    const { accepting, refusing } = pair;
    const service = accepting.service;
    const cells = run.results.map((cell) => {
      const { cancelSupport: _dropped, message: _message, rootCause: _cause, ...rest } = cell;
      if (cell === accepting)
        return { ...rest, outcome: 'PASS' as const, cancelSupport: 'supported' as const };
      if (cell === refusing)
        return {
          ...rest,
          outcome: 'NOT_APPLICABLE' as const,
          cancelSupport: 'unsupported' as const,
        };
      return rest;
    });
    const merged = mergeShards(reports(splitIntoShards({ ...run, results: cells }, 2)));
    const judged = merged.results.find(
      (cell) => cell.service === service && cell.clause === refusing.clause,
    );
    expect(judged?.outcome).toBe('FAIL');
    expect(judged?.rootCause).toBe('cancel-support-inconsistent');
    expect(
      merged.results.find((c) => c.service === service && c.clause === accepting.clause)?.outcome,
    ).toBe('PASS');
  });
});
