/**
 * The inputs of the repository's GitHub Action (action.yml, docs/ACTION.md), which action.yml
 * hands over as `INPUT_*` environment variables, turned into `lro-conformance run` arguments
 * (live-mode flags: harness/options/live-options.ts, docs/LIVE.md). Empty inputs are left out, so
 * the CLI's own defaults apply. `headers` may carry credentials: its lines reach the CLI as
 * written (`$NAME` is expanded there, from the step's environment) and are never echoed here.
 */
import { type UsageError, usageError } from '#base';

export interface ActionInputs {
  readonly args: readonly string[];
  /** Where the report goes (`report-dir`, default `lro-report`), relative to the working directory. */
  readonly reportDir: string;
}

export const DEFAULT_REPORT_DIR = 'lro-report';

/** The environment variable action.yml sets for an input: `INPUT_<NAME>`, `-` as `_`. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replaceAll('-', '_').toUpperCase()}`;
}

function input(env: NodeJS.ProcessEnv, name: string): string {
  return (env[inputVariable(name)] ?? '').trim();
}

/** Single-value inputs and their flags. */
const VALUE_FLAGS = [
  ['target', '--target'],
  ['control', '--control'],
  ['services', '--service'],
  ['clauses', '--clause'],
  ['strengths', '--strength'],
  ['fail-on', '--fail-on'],
  ['quota-project', '--quota-project'],
  ['max-rps', '--max-rps'],
] as const;

/** Inputs of `SERVICE=VALUE` pairs, one per line (or separated by spaces), each a repeated flag. */
const PAIR_FLAGS = [
  ['parents', '--parent'],
  ['endpoints', '--endpoint'],
  ['allow-cancel', '--allow-cancel'],
  ['operations', '--operation'],
] as const;

/** Every input this module reads; action.yml declares the same (run-action.test.ts). */
export const ACTION_INPUTS: readonly string[] = [
  ...VALUE_FLAGS.map(([name]) => name),
  'live',
  ...PAIR_FLAGS.map(([name]) => name),
  'headers',
  'report-dir',
  'args',
];

/** An input the step cannot turn into flags: one line, exit 2, like the CLI's usage errors. */
function inputError(message: string): UsageError {
  return usageError(message);
}

export function actionInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const reportDir = input(env, 'report-dir') || DEFAULT_REPORT_DIR;
  const args: string[] = [];
  for (const [name, flag] of VALUE_FLAGS) {
    const value = input(env, name);
    if (value !== '') args.push(flag, value);
  }
  if (liveInput(input(env, 'live'))) args.push('--live');
  for (const [name, flag] of PAIR_FLAGS) {
    for (const pair of input(env, name).split(/\s+/).filter(Boolean)) {
      if (!/^[^=]+=.+$/.test(pair)) {
        throw inputError(`input ${name}: "${pair}" is not SERVICE=VALUE`);
      }
      args.push(flag, pair);
    }
  }
  // One header per line: a value may hold spaces. Checked by the CLI, which never echoes it.
  for (const line of input(env, 'headers').split('\n')) {
    if (line.trim() !== '') args.push('--header', line.trim());
  }
  const extra = splitArgs(input(env, 'args'));
  // The step reads the report where report-dir says; a second --report-dir would move it.
  if (hasFlag(extra, '--report-dir')) {
    throw inputError('input args: set the report directory with the report-dir input');
  }
  // The step names its run itself, to find its own report (run-action.ts).
  if (hasFlag(extra, '--run-id')) {
    throw inputError('input args: the step sets --run-id itself; leave it out');
  }
  args.push('--report-dir', reportDir, ...extra);
  return { args, reportDir };
}

function hasFlag(args: readonly string[], flag: string): boolean {
  return args.some((arg) => arg === flag || arg.startsWith(`${flag}=`));
}

function liveInput(value: string): boolean {
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw inputError(`input live must be true or false, not "${value}"`);
}

/**
 * Splits the `args` input as a shell splits words, with '…' and "…" quoting (no escapes, no
 * expansion: `$TOKEN` reaches the CLI as written, and `--header` expands it there).
 */
export function splitArgs(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (const char of text) {
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
      else word = (word ?? '') + char;
    } else if (char === '"' || char === "'") {
      quote = char;
      word ??= '';
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (quote !== undefined) throw inputError(`input args: unclosed ${quote}`);
  if (word !== undefined) words.push(word);
  return words;
}
