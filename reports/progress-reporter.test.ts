/**
 * The progress reporter, tested like conformance-reporter.test.ts: vitest runs the fixture suite
 * (fixtures/conformance.fixture.ts) with the reporter writing to a stream we keep. No mocks.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { startVitest } from 'vitest/node';
import { clauseLine, counterLine } from './progress-format.ts';
import { type ProgressMode, ProgressReporter, progressMode } from './progress-reporter.ts';
import type { CellResult } from './results-model.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

class Recorder {
  readonly writes: string[] = [];
  write(text: string): boolean {
    this.writes.push(text);
    return true;
  }
}

async function runFixtureSuite(modes: readonly ProgressMode[]): Promise<Recorder[]> {
  const recorders = modes.map(() => new Recorder());
  const reporters = recorders.map(
    (stream, i) => new ProgressReporter({ stream, mode: modes[i] ?? 'lines', expectedCells: 5 }),
  );
  const exitCode = process.exitCode;
  try {
    const vitest = await startVitest([], {
      root: ROOT,
      include: ['reports/fixtures/*.fixture.ts'],
      reporters,
      watch: false,
      config: false,
    });
    await vitest.close();
  } finally {
    process.exitCode = exitCode;
  }
  return recorders;
}

describe('ProgressReporter over the fixture suite', () => {
  let lines: Recorder;
  let live: Recorder;
  beforeAll(async () => {
    const [first, second] = await runFixtureSuite(['lines', 'live']);
    if (first === undefined || second === undefined) throw new Error('no recorder');
    [lines, live] = [first, second];
  }, 60_000);

  it('writes one line per clause once all its cells have finished, naming the services that did not pass', () => {
    expect(lines.writes).toEqual([
      'FAIL    cancel/fixture-clause  FAIL: datafusion · 1 PASS\n',
      'ERROR   get/fixture-clause  ERROR: checks · N/A: datafusion · SKIP: adsdatahub\n',
    ]);
  });

  it('on a terminal rewrites one counter line with \\r, and clears it at the end', () => {
    expect(live.writes.every((text) => text.startsWith('\r\u001b[2K'))).toBe(true);
    expect(live.writes.some((text) => text.includes('\n'))).toBe(false);
    expect(live.writes.at(-2)).toBe(
      '\r\u001b[2K5/5 cells · 1 FAIL · 1 ERROR · 1 PASS · 1 N/A · 1 SKIP',
    );
    expect(live.writes.at(-1)).toBe('\r\u001b[2K');
  });
});

describe('progress formats', () => {
  const cell = (service: string, outcome: CellResult['outcome']): CellResult => ({
    service,
    clause: 'cancel/x',
    outcome,
    strength: 'MUST',
  });

  it('says how many services a clause passed on when all passed', () => {
    const cells = ['a', 'b', 'c', 'd', 'e'].map((s) => cell(s, 'PASS'));
    expect(clauseLine('cancel/x', cells, false)).toBe('PASS    cancel/x  (5 services)');
  });

  it('colours the outcome words only when asked', () => {
    expect(clauseLine('cancel/x', [cell('a', 'FAIL')], true)).toBe(
      '\u001b[31mFAIL\u001b[0m    cancel/x  (1 service)',
    );
    expect(counterLine([cell('a', 'FAIL')], 3, true)).toBe('1/3 cells · 1 \u001b[31mFAIL\u001b[0m');
  });
});

describe('progressMode', () => {
  it.for<[string, boolean, Record<string, string>, ProgressMode]>([
    ['a terminal', true, {}, 'live'],
    ['a pipe', false, {}, 'lines'],
    ['a terminal under CI', true, { CI: 'true' }, 'lines'],
    ['a terminal with CI=false', true, { CI: 'false' }, 'live'],
  ])('%s', ([, isTTY, env, mode]) => {
    expect(progressMode({ isTTY, env })).toBe(mode);
  });
});
