/**
 * Writes a run's report files: results.json (the contract, validated against
 * results.schema.json before anything touches the disk), matrix.md, junit.xml and report.html.
 * Every file is rendered first from the results scrubbed as a whole (scrub.ts, behind the
 * scrubbing of evidence, so a secret in a message never reaches the disk either), then written
 * to temporary files beside the four names, and only when all four are on disk renamed over them
 * together, results.json last (base/atomic-write.ts). So an earlier run's report stays whole until
 * this run's is complete: a run that fails while rendering or writing leaves the last good
 * report, never none and never a mix. A partial (interrupted) run is written the same way: its
 * document validates too. The renderers load on first use: a run needs them only at its end, and
 * `preloadReportRenderers` loads them while the suites' worker thread runs the tests.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  FileNotReplacedError,
  type FileText,
  HarnessError,
  makeDirectory,
  replaceFilesTogether,
  TEMPORARY_SUFFIX,
} from '#base';
import type { RunResults } from './results-model.ts';
import { assertValidRunResults } from './results-schema.ts';
import { scrubDeep } from './scrub.ts';

export interface ReportPaths {
  readonly resultsJson: string;
  readonly matrixMarkdown: string;
  readonly junitXml: string;
  readonly htmlReport: string;
}

/** The files a report directory holds, by the name each has there. */
export const REPORT_FILES = ['results.json', 'matrix.md', 'junit.xml', 'report.html'] as const;

function pathsIn(dir: string): ReportPaths {
  return {
    resultsJson: join(dir, 'results.json'),
    matrixMarkdown: join(dir, 'matrix.md'),
    junitXml: join(dir, 'junit.xml'),
    htmlReport: join(dir, 'report.html'),
  };
}

/** Removes the report files of an earlier run, and temporary files an interrupted write left. */
export async function clearReport(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const stale = names.filter(
    (name) =>
      (REPORT_FILES as readonly string[]).includes(name) ||
      (REPORT_FILES.some((file) => name.startsWith(`.${file}.`)) &&
        name.endsWith(TEMPORARY_SUFFIX)),
  );
  // Every stale file goes even when one cannot, so none is left looking current.
  const failures: string[] = [];
  for (const name of stale) {
    await rm(join(dir, name), { force: true }).catch((error: NodeJS.ErrnoException) => {
      failures.push(`${join(dir, name)} (${error.code ?? error.message})`);
    });
  }
  if (failures.length > 0) {
    throw new HarnessError(
      `cannot replace ${failures.join(', ')}: remove it or choose another --report-dir`,
    );
  }
}

const loadRenderers = () =>
  Promise.all([
    import('./render-html.ts'),
    import('./render-junit.ts'),
    import('./render-matrix-markdown.ts'),
  ]);
let renderers: ReturnType<typeof loadRenderers> | undefined;
const loadedRenderers = () => {
  renderers ??= loadRenderers();
  return renderers;
};

/** Starts loading the renderers, so that writeReport does not wait for them. */
export function preloadReportRenderers(): void {
  // A failure to load surfaces where writeReport awaits it, not as an unhandled rejection now.
  loadedRenderers().catch(() => {});
}

export async function writeReport(dir: string, results: RunResults): Promise<ReportPaths> {
  assertValidRunResults(results);
  const paths = pathsIn(dir);
  const [{ renderHtmlReport }, { renderJunit }, { renderMatrixMarkdown }] = await loadedRenderers();
  const scrubbed = scrubDeep(results);
  let files: readonly FileText[];
  try {
    // results.json last: a reader that finds this run's results finds the rest beside it.
    files = [
      { path: paths.matrixMarkdown, text: renderMatrixMarkdown(scrubbed) },
      { path: paths.junitXml, text: renderJunit(scrubbed) },
      { path: paths.htmlReport, text: renderHtmlReport(scrubbed) },
      { path: paths.resultsJson, text: `${JSON.stringify(scrubbed, null, 2)}\n` },
    ];
  } catch (error) {
    // V8 refuses strings past about 512 Mi characters ("Invalid string length").
    if (!(error instanceof RangeError)) throw error;
    throw new HarnessError(
      `the report is too large to write (${error.message}); the earlier report in ${dir} is left as it was`,
      { cause: error },
    );
  }
  await makeDirectory(dir);
  await removeTemporaryFiles(dir);
  try {
    await replaceFilesTogether(files);
  } catch (error) {
    if (!(error instanceof FileNotReplacedError)) throw error;
    throw new HarnessError(
      `${error.message}: remove it or choose another --report-dir; the earlier report is left as it was`,
      { cause: error },
    );
  }
  return paths;
}

/** Temporary files an interrupted write left (never the report files themselves). */
async function removeTemporaryFiles(dir: string): Promise<void> {
  const names = await readdir(dir);
  const left = names.filter(
    (name) =>
      REPORT_FILES.some((file) => name.startsWith(`.${file}.`)) && name.endsWith(TEMPORARY_SUFFIX),
  );
  await Promise.all(left.map((name) => rm(join(dir, name), { force: true })));
}
