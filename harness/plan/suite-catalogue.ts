/**
 * The clause ids a run can select, read from the suite file names (a clause id is its suite
 * file's path under suites/). Reading file names keeps the rule that nothing imports suites.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SUITES_DIR = new URL('../../suites/', import.meta.url);

/**
 * `.ts` when this code runs from the repository's sources, `.js` when it runs from the build in
 * dist/ (docs/decisions/0005-build-layout.md): the suites are always in the same layout as the
 * harness that runs them. Read from the suites folder, not from this module's own URL, which in
 * the worker's bundle is a shared chunk's (tools/build/bundle-worker.ts); or from `moduleUrl`.
 */
export function suiteExtension(moduleUrl?: string): '.ts' | '.js' {
  if (moduleUrl !== undefined) return moduleUrl.endsWith('.ts') ? '.ts' : '.js';
  const files = readdirSync(SUITES_DIR, { recursive: true, encoding: 'utf8' });
  return files.some((file) => file.endsWith('.test.ts')) ? '.ts' : '.js';
}

/** `.test.ts` or `.test.js`, see suiteExtension. */
export const SUITE_FILE_SUFFIX = `.test${suiteExtension()}`;

/** The vitest include pattern of every suite file, relative to PACKAGE_ROOT. */
export const SUITE_GLOB = `suites/**/*${SUITE_FILE_SUFFIX}`;

export function listClauseIds(): string[] {
  return readdirSync(SUITES_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(SUITE_FILE_SUFFIX))
    .map((file) => file.replaceAll('\\', '/').slice(0, -SUITE_FILE_SUFFIX.length))
    .sort();
}

export function suiteFileOf(clauseId: string): string {
  return `suites/${clauseId}${SUITE_FILE_SUFFIX}`;
}

/** The title of the test run-entry.ts registers for a suite file that cannot load. */
export const LOAD_FAILURE_TITLE = 'loads';
