/**
 * `--target msw:PATH`: the user's own MSW handlers as the target (docs/MSW-TARGET.md). The flag
 * becomes plain data (the module's absolute path travels to the suites' worker through vitest's
 * `provide`); before any test runs, the CLI's own process imports the module once to check it,
 * so a bad module is one usage line (exit 2), not a matrix of ERROR cells.
 */
import { resolve } from 'node:path';
import { usageError } from '#base';
import { invalidMswModule, loadMswModule } from '../targets/msw-module.ts';
import type { TargetConfig } from '../targets/target.ts';

export const MSW_TARGET_PREFIX = 'msw:';

export type MswTargetConfig = Extract<TargetConfig, { kind: 'msw' }>;

export function isMswTargetOption(target: string): boolean {
  return target.startsWith(MSW_TARGET_PREFIX);
}

/** Flags for other kinds of target, with what to do instead. */
const FOREIGN_FLAGS: Readonly<Record<string, string>> = {
  cancel: 'configures the embedded reference',
  'cancel-delay': 'configures the embedded reference',
  fault: 'configures the embedded reference',
  variant: 'configures the embedded reference',
  control: "does not apply: the module's createOperation is its control hook",
  'request-timeout': 'applies to targets over HTTP only',
  header: 'applies to targets over HTTP only',
  auth: 'applies to targets over HTTP only',
  scope: 'applies to targets over HTTP only',
  'quota-project': 'applies to targets over HTTP only',
  record: 'applies to targets over HTTP only',
};

/** The target of `--target msw:PATH`, PATH relative to `cwd`; other targets' flags are refused. */
export function mswTargetConfig(
  target: string,
  values: Readonly<Record<string, unknown>>,
  cwd: string = process.cwd(),
): MswTargetConfig {
  const source = target.slice(MSW_TARGET_PREFIX.length);
  if (source.trim() === '') {
    throw usageError(
      '--target msw: needs the path of a handlers module, e.g. --target msw:./mocks/handlers.ts',
    );
  }
  for (const [flag, why] of Object.entries(FOREIGN_FLAGS)) {
    if (values[flag] !== undefined) {
      throw usageError(`--${flag} ${why}: drop it with --target ${MSW_TARGET_PREFIX}…`);
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
): Promise<readonly string[]> {
  const declared = (await loadMswModule(config.modulePath, config.source)).services;
  if (declared === undefined) return requested ?? all;
  if (requested === undefined) return all.filter((id) => declared.includes(id));
  const missing = requested.filter((id) => !declared.includes(id));
  if (missing.length > 0) {
    const problem = `serves ${declared.join(', ')} (its services export), not ${missing.join(', ')}: drop ${missing.length === 1 ? 'it' : 'them'} from --service, or add ${missing.length === 1 ? 'it' : 'them'} to services`;
    throw invalidMswModule(config.source, problem);
  }
  return requested;
}
