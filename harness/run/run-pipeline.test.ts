/**
 * The pipeline keeps an earlier run's report where it is while a run runs: the files are replaced
 * only once the new report is complete (reports/write-report.ts), so a run that fails on the way
 * leaves the last good report instead of none.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseRunOptions } from '../options/index.ts';
import { runPipeline } from './run-pipeline.ts';

it('leaves the earlier report in place until the new one replaces it', async () => {
  const reportDir = mkdtempSync(join(tmpdir(), 'lro-pipeline-'));
  try {
    const earlier = join(reportDir, 'results.json');
    writeFileSync(earlier, '{"earlier": "run"}');
    const seenWhileRunning: boolean[] = [];
    const { written } = await runPipeline(
      parseRunOptions([
        '--service',
        'checks',
        '--clause',
        'get/answers-carry-a-json-media-type',
        '--report-dir',
        reportDir,
      ]),
      { reporters: [{ onTestRunStart: () => void seenWhileRunning.push(existsSync(earlier)) }] },
    );
    expect(seenWhileRunning).toEqual([true]);
    expect(written?.resultsJson).toBe(earlier);
    expect(readFileSync(earlier, 'utf8')).not.toContain('earlier');
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }
}, 120_000);
