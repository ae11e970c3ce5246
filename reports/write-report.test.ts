import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isLroError } from '#base';
import { checkReportDir } from './check-report-dir.ts';
import { failingRun } from './fixtures/failing-run.ts';
import { SECRET_TOKEN, sampleResults } from './fixtures/sample-results.ts';
import type { RunResults } from './results-model.ts';
import { InvalidResultsError, resultsViolations } from './results-schema.ts';
import { scrubDeep } from './scrub.ts';
import { clearReport, REPORT_FILES, writeReport } from './write-report.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'lro-reports-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('writeReport', () => {
  it('creates the directory and writes results.json, matrix.md, junit.xml and report.html', async () => {
    const dir = join(root, 'nested', 'run');
    const paths = await writeReport(dir, sampleResults());
    expect(paths).toEqual({
      resultsJson: join(dir, 'results.json'),
      matrixMarkdown: join(dir, 'matrix.md'),
      junitXml: join(dir, 'junit.xml'),
      htmlReport: join(dir, 'report.html'),
    });
    const json = await readFile(paths.resultsJson, 'utf8');
    expect(JSON.parse(json)).toEqual(scrubDeep(sampleResults()));
    expect(json).toContain('\n  "schemaVersion": 3,');
    expect(await readFile(paths.matrixMarkdown, 'utf8')).toContain('# Conformance results');
    expect(await readFile(paths.junitXml, 'utf8')).toMatch(/^<\?xml version="1.0"/);
    expect(await readFile(paths.htmlReport, 'utf8')).toMatch(/^<!doctype html>/);
    expect((await readdir(dir)).sort()).toEqual([...REPORT_FILES].sort());
  });

  it('scrubs every credential in the results before they reach the disk', async () => {
    const paths = await writeReport(join(root, 'run'), sampleResults());
    expect(JSON.stringify(sampleResults())).toContain(SECRET_TOKEN);
    for (const file of [paths.resultsJson, paths.matrixMarkdown]) {
      expect(await readFile(file, 'utf8')).not.toContain(SECRET_TOKEN);
    }
  });

  it('throws InvalidResultsError and writes nothing when the model does not validate', async () => {
    const invalid = { ...sampleResults(), schemaVersion: 4 } as unknown as RunResults;
    await expect(writeReport(join(root, 'run'), invalid)).rejects.toBeInstanceOf(
      InvalidResultsError,
    );
    expect(await readdir(root)).toEqual([]);
  });

  it('replaces the files of an earlier run and removes temporary files an interrupted write left', async () => {
    for (const name of REPORT_FILES) await writeFile(join(root, name), 'old run');
    await writeFile(join(root, '.junit.xml.123.abcd.tmp'), 'half');
    await writeFile(join(root, 'notes.txt'), 'mine');
    await writeReport(root, failingRun());
    for (const name of REPORT_FILES) {
      expect(await readFile(join(root, name), 'utf8')).not.toBe('old run');
    }
    expect((await readdir(root)).sort()).toEqual([...REPORT_FILES, 'notes.txt'].sort());
  });

  it('leaves the earlier report whole, and no file of this run beside it, when a file cannot be replaced', async () => {
    for (const name of REPORT_FILES) await writeFile(join(root, name), 'old run');
    // A directory where junit.xml goes: found before any file is replaced.
    await rm(join(root, 'junit.xml'));
    await mkdir(join(root, 'junit.xml', 'inside'), { recursive: true });
    const failure = await writeReport(root, failingRun()).catch((error: unknown) => error);
    expect(isLroError(failure)).toBe(true);
    expect(String(failure)).toMatch(
      /cannot replace .*junit\.xml \(EISDIR\): remove it or choose another --report-dir; the earlier report is left as it was/,
    );
    expect((await readdir(root)).sort()).toEqual([...REPORT_FILES].sort());
    for (const name of REPORT_FILES.filter((file) => file !== 'junit.xml')) {
      expect(await readFile(join(root, name), 'utf8')).toBe('old run');
    }
  });

  it('writes the partial report of an interrupted run, which still validates', async () => {
    const partial = failingRun({ cells: [], interrupted: true });
    expect(resultsViolations(partial)).toEqual([]);
    const paths = await writeReport(root, partial);
    const written = JSON.parse(await readFile(paths.resultsJson, 'utf8')) as RunResults;
    expect(written.interrupted).toBe(true);
    expect(written.summary.verdict).toBe('interrupted');
    expect(await readFile(paths.junitXml, 'utf8')).toContain('interrupted: the run was stopped');
  });
});

describe('clearReport', () => {
  it('removes only the report files, and accepts a directory that does not exist', async () => {
    await writeFile(join(root, 'report.html'), 'old');
    await writeFile(join(root, 'keep.html'), 'mine');
    await clearReport(root);
    expect(await readdir(root)).toEqual(['keep.html']);
    await expect(clearReport(join(root, 'missing'))).resolves.toBeUndefined();
  });
});

describe('checkReportDir', () => {
  it('accepts an existing writable directory, and one that can be created', async () => {
    expect(await checkReportDir(root)).toBeUndefined();
    expect(await checkReportDir(join(root, 'a', 'b'))).toBeUndefined();
    expect(await readdir(root)).toEqual([]);
  });

  it('refuses a path that is a file', async () => {
    await writeFile(join(root, 'file'), '');
    expect(await checkReportDir(join(root, 'file'))).toBe(
      `report directory ${join(root, 'file')} exists and is not a directory: give --report-dir a directory`,
    );
  });

  it('refuses a path below a file', async () => {
    await writeFile(join(root, 'file'), '');
    expect(await checkReportDir(join(root, 'file', 'sub', 'dir'))).toBe(
      `report directory ${join(root, 'file', 'sub', 'dir')} cannot be created: ${join(root, 'file')} is not a directory`,
    );
  });

  // /proc refuses new files even to root, which chmod-based checks cannot show.
  it('refuses a directory nobody can write to, and a path that would have to be created there', async () => {
    expect(await checkReportDir('/proc')).toMatch(
      /^report directory \/proc is not writable \(E[A-Z]+\): give --report-dir a directory you can write to$/,
    );
    expect(await checkReportDir('/proc/lro-report/x')).toMatch(
      /^report directory \/proc\/lro-report\/x cannot be created: \/proc is not writable \(E[A-Z]+\)$/,
    );
  });
});
