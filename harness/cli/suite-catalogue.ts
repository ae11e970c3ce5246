/**
 * The clause ids a run can select, read from the suite file names (a clause id is its suite
 * file's path under suites/). Reading file names keeps the rule that nothing imports suites.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SUITES_DIR = new URL('../../suites/', import.meta.url);

export function listClauseIds(): string[] {
  return readdirSync(SUITES_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => file.replaceAll('\\', '/').replace(/\.test\.ts$/, ''))
    .sort();
}

export function suiteFileOf(clauseId: string): string {
  return `suites/${clauseId}.test.ts`;
}
