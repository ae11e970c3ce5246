/**
 * Runs dependency-cruiser through its API with one of the rule sets `npm run deps` uses, and says
 * each violation in the rooms' terms: what was imported, and what the importing room may import.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  cruise,
  type IConfiguration,
  type ICruiseResult,
  type IViolation,
} from 'dependency-cruiser';
import {
  ARROWS,
  type Arrow,
  FIXTURE_SUITES,
  roomOf,
  TEST_ARROWS,
  TEST_CODE,
} from '../../.dependency-cruiser.ts';

/** The folders `npm run deps` cruises: every room. */
export const CRUISED_FOLDERS = ['base', 'specs', 'reports', 'suites', 'tools', 'harness'] as const;

export const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));

/** Cruises the rooms under `baseDir` (the repository unless given) with `config`. */
export async function cruiseWith(
  config: IConfiguration,
  baseDir: string = REPOSITORY,
): Promise<ICruiseResult> {
  const { options = {}, ...ruleSet } = config;
  const folders = CRUISED_FOLDERS.filter((folder) => existsSync(join(baseDir, folder)));
  const { output } = await cruise([...folders], { ...options, baseDir, validate: true, ruleSet });
  if (typeof output === 'string') throw new Error(`dependency-cruiser answered text: ${output}`);
  return output;
}

const arrowText = (arrow: Arrow) => (typeof arrow === 'string' ? arrow : `${arrow.types} (types)`);

/** What the room of `from` may import, in words. */
function mayImport(from: string): string {
  const room = roomOf(from);
  if (room === undefined) return `${from} belongs to no room`;
  if (room === 'suites' || from.includes(FIXTURE_SUITES)) return 'a suite imports #harness only';
  const rooms = [...new Set(['base', ...ARROWS[room].map(arrowText)])];
  if (new RegExp(TEST_CODE).test(from))
    rooms.push('tools/testing', ...(TEST_ARROWS[room]?.rooms ?? []));
  return `${room} may import ${rooms.join(', ')}`;
}

/** One line per violation, e.g. `reports/x.ts → harness/http/y.ts: reports may import …`. */
export function describeViolation(violation: IViolation): string {
  if (violation.rule.name === 'no-folder-cycle') {
    const loop = [violation.from, ...(violation.cycle ?? []).map((step) => step.name)];
    return `folder cycle: ${loop.join(' → ')}`;
  }
  const types = violation.dependencyTypes?.includes('type-only') ? ' (types)' : '';
  const why =
    violation.rule.name === 'through-the-entry'
      ? 'enter the room through its entry'
      : mayImport(violation.from);
  return `${violation.from} → ${violation.to}${types}: ${violation.rule.name}, ${why}`;
}
