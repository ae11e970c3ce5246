/**
 * Writes a run's report files: results.json (the contract, validated against
 * results.schema.json before anything touches the disk), matrix.md, junit.xml and report.html.
 * Every file is rendered first from the results scrubbed as a whole (scrub.ts, behind the
 * scrubbing of evidence, so a secret in a message never reaches the disk either), then the four
 * names are cleared (so files of an earlier run never sit beside this run's looking current),
 * then each is written atomically. A partial (interrupted) run is written the same way: its
 * document validates too. The renderers load on first use: a run needs them only at its end, and
 * `preloadReportRenderers` loads them while the suites' worker thread runs the tests.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { HarnessError, makeDirectory, TEMPORARY_SUFFIX, writeFileAtomically } from '#base';
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

/**
 * Removes the report files of an earlier run, and temporary files an interrupted write left.
 * The CLI may call it as soon as a run starts, so a stopped run never leaves stale files.
 */
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
  const contents: readonly [string, string][] = [
    [paths.resultsJson, `${JSON.stringify(scrubbed, null, 2)}\n`],
    [paths.matrixMarkdown, renderMatrixMarkdown(scrubbed)],
    [paths.junitXml, renderJunit(scrubbed)],
    [paths.htmlReport, renderHtmlReport(scrubbed)],
  ];
  await makeDirectory(dir);
  await clearReport(dir);
  await Promise.all(contents.map(([path, text]) => writeFileAtomically(path, text)));
  return paths;
}
