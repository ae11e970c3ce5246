/**
 * A report too large to render (V8 refuses strings past about 512 Mi characters: "Invalid string
 * length") must not cost the earlier report. Rendering is made to fail the way it did for a run
 * with 2 MB answers, without building half a gigabyte of text in a test.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { isLroError } from '#base';
import { failingRun } from './fixtures/failing-run.ts';
import { REPORT_FILES, writeReport } from './write-report.ts';

vi.mock('./render-html.ts', () => ({
  renderHtmlReport: () => {
    throw new RangeError('Invalid string length');
  },
}));

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'lro-reports-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

it('leaves the earlier report whole when this run cannot be rendered, and says so', async () => {
  for (const name of REPORT_FILES) await writeFile(join(root, name), 'old run');
  const failure = await writeReport(root, failingRun()).catch((error: unknown) => error);
  expect(isLroError(failure)).toBe(true);
  expect((failure as Error).message).toBe(
    `the report is too large to write (Invalid string length); the earlier report in ${root} is left as it was`,
  );
  expect((await readdir(root)).sort()).toEqual([...REPORT_FILES].sort());
  for (const name of REPORT_FILES) expect(await readFile(join(root, name), 'utf8')).toBe('old run');
});
