/**
 * `--target msw:PATH` (`target: 'msw:PATH'`): the user's own MSW handlers as the target
 * (docs/MSW-TARGET.md). The option becomes plain data (the module's absolute path travels to the
 * suites' worker through vitest's `provide`); before any test runs, the CLI's own process imports
 * the module once to check it, so a bad module is one usage line (exit 2), not a matrix of ERROR
 * cells.
 */
import { resolve } from 'node:path';
import { usageError } from '#base';
import type { TargetConfig } from '../plan/index.ts';
import { FLAG_TERMS, type OptionTerms } from './option-terms.ts';
import type { RunOptionName, RunOptionValues } from './run-option-table.ts';

export const MSW_TARGET_PREFIX = 'msw:';

export type MswTargetConfig = Extract<TargetConfig, { kind: 'msw' }>;

export function isMswTargetOption(target: string): boolean {
  return target.startsWith(MSW_TARGET_PREFIX);
}

/** Options for other kinds of target, with what to do instead. */
const FOREIGN_OPTIONS = {
  cancelMode: 'configures the embedded reference',
  cancelDelayMs: 'configures the embedded reference',
  fault: 'configures the embedded reference',
  variant: 'configures the embedded reference',
  control: "does not apply: the module's createOperation is its control hook",
  requestTimeoutMs: 'applies to targets over HTTP only',
  headers: 'applies to targets over HTTP only',
  auth: 'applies to targets over HTTP only',
  scopes: 'applies to targets over HTTP only',
  quotaProject: 'applies to targets over HTTP only',
  record: 'applies to targets over HTTP only',
} as const satisfies Partial<Record<RunOptionName, string>>;

/** The target of `--target msw:PATH`, PATH relative to `cwd`; other targets' options are refused. */
export function mswTargetConfig(
  target: string,
  values: RunOptionValues,
  terms: OptionTerms,
  cwd: string = process.cwd(),
): MswTargetConfig {
  const source = target.slice(MSW_TARGET_PREFIX.length);
  const option = terms.name('target');
  if (source.trim() === '') {
    throw usageError(
      `${option} msw: needs the path of a handlers module, e.g. ${option} msw:./mocks/handlers.ts`,
    );
  }
  for (const [foreign, why] of Object.entries(FOREIGN_OPTIONS)) {
    if (values[foreign as keyof typeof FOREIGN_OPTIONS] !== undefined) {
      throw usageError(
        `${terms.name(foreign as keyof typeof FOREIGN_OPTIONS)} ${why}: drop it with ${option} ${MSW_TARGET_PREFIX}…`,
      );
    }
  }
  return { kind: 'msw', modulePath: resolve(cwd, source), source };
}

/**
 * Imports and checks the module in this process, then settles the services: the requested ones,
 * which the module must serve if it declares what it serves, else the declared ones, else all.
 */
export async function mswServices(
  config: MswTargetConfig,
  requested: readonly string[] | undefined,
  all: readonly string[],
  terms: OptionTerms = FLAG_TERMS,
): Promise<readonly string[]> {
  // The module's problem, after the option as the caller named it.
  const refusal = (problem: string) =>
    usageError(`${terms.name('target')} ${MSW_TARGET_PREFIX}${config.source}: ${problem}`);
  // Loaded here, lazily: the targets bring MSW, which the CLI's thread needs for this check only.
  const { InvalidMswModuleError, loadMswModule } = await import('../targets/index.ts');
  let declared: readonly string[] | undefined;
  try {
    declared = (await loadMswModule(config.modulePath, config.source)).services;
  } catch (error) {
    if (error instanceof InvalidMswModuleError) throw refusal(error.problem);
    throw error;
  }
  if (declared === undefined) return requested ?? all;
  if (requested === undefined) return all.filter((id) => declared.includes(id));
  const missing = requested.filter((id) => !declared.includes(id));
  if (missing.length > 0) {
    const them = missing.length === 1 ? 'it' : 'them';
    throw refusal(
      `serves ${declared.join(', ')} (its services export), not ${missing.join(', ')}: drop ${them} from ${terms.name('services')}, or add ${them} to services`,
    );
  }
  return requested;
}
