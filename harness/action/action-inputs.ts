/**
 * The inputs of the repository's GitHub Action (action.yml, docs/ACTION.md), which action.yml
 * hands over as `INPUT_*` environment variables, turned into `lro-conformance run` arguments.
 * Which inputs exist and which flag each becomes is the option table's `actionInput` column
 * (harness/options/run-option-table.ts); how an input is written follows its option's shape: a
 * switch is `true`/`false`, a per-service option takes `SERVICE=VALUE` pairs, one per line (or
 * separated by spaces), headers one per line, anything else its flag's text. Empty inputs are
 * left out, so the CLI's own defaults apply. `headers` may carry credentials: its lines reach the
 * CLI as written (`$NAME` is expanded there, from the step's environment) and are never echoed
 * here. action-yml.test.ts checks action.yml against the same column.
 */
import { type UsageError, usageError } from '#base';
import { type OptionRow, RUN_OPTION_NAMES, RUN_OPTIONS } from '../options/index.ts';

export interface ActionInputs {
  readonly args: readonly string[];
  /** Where the report goes (`report-dir`, default `lro-report`), relative to the working directory. */
  readonly reportDir: string;
}

/** The environment variable action.yml sets for an input: `INPUT_<NAME>`, `-` as `_`. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replaceAll('-', '_').toUpperCase()}`;
}

function input(env: NodeJS.ProcessEnv, name: string): string {
  return (env[inputVariable(name)] ?? '').trim();
}

export type ActionOptionRow = OptionRow & { readonly actionInput: string };

/** The table's rows that have an input, in table order. */
export const ACTION_OPTION_ROWS: readonly ActionOptionRow[] = RUN_OPTION_NAMES.map(
  (name): OptionRow => RUN_OPTIONS[name],
).filter((row): row is ActionOptionRow => row.actionInput !== undefined);

const REPORT_DIR = RUN_OPTIONS.reportDir;

/** The one input that is no row of the table: more `run` flags, as written. */
const ARGS_INPUT = 'args';

/** Every input this module reads; action.yml declares the same (action-yml.test.ts). */
export const ACTION_INPUTS: readonly string[] = [
  ...ACTION_OPTION_ROWS.map((row) => row.actionInput),
  ARGS_INPUT,
];

/** An input the step cannot turn into flags: one line, exit 2, like the CLI's usage errors. */
function inputError(message: string): UsageError {
  return usageError(message);
}

export function actionInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const reportDir = input(env, REPORT_DIR.actionInput) || REPORT_DIR.default;
  const args: string[] = [];
  for (const row of ACTION_OPTION_ROWS) {
    // The report directory goes last, after the check that args does not move it.
    if (row === REPORT_DIR) continue;
    args.push(...flagArgs(row, input(env, row.actionInput)));
  }
  const extra = splitArgs(input(env, ARGS_INPUT));
  // The step reads the report where report-dir says; a second --report-dir would move it.
  if (hasFlag(extra, `--${REPORT_DIR.flag}`)) {
    throw inputError(
      `input ${ARGS_INPUT}: set the report directory with the ${REPORT_DIR.actionInput} input`,
    );
  }
  // The step names its run itself, to find its own report (run-action.ts).
  if (hasFlag(extra, `--${RUN_OPTIONS.runId.flag}`)) {
    throw inputError(
      `input ${ARGS_INPUT}: the step sets --${RUN_OPTIONS.runId.flag} itself; leave it out`,
    );
  }
  args.push(`--${REPORT_DIR.flag}`, reportDir, ...extra);
  return { args, reportDir };
}

/** One input's flags; an empty input gives none. */
function flagArgs(row: ActionOptionRow, value: string): string[] {
  const flag = `--${row.flag}`;
  const name = row.actionInput;
  switch (row.shape.kind) {
    case 'switch':
      return switchInput(name, value) ? [flag] : [];
    case 'per-service':
      return value
        .split(/\s+/)
        .filter(Boolean)
        .flatMap((pair) => {
          if (!/^[^=]+=.+$/.test(pair)) {
            throw inputError(`input ${name}: "${pair}" is not SERVICE=VALUE`);
          }
          return [flag, pair];
        });
    case 'files':
    case 'headers':
      // One per line: a path or a header value may hold spaces. Checked by the CLI, which never echoes a header.
      return value
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .flatMap((line) => [flag, line]);
    default:
      return value === '' ? [] : [flag, value];
  }
}

function hasFlag(args: readonly string[], flag: string): boolean {
  return args.some((arg) => arg === flag || arg.startsWith(`${flag}=`));
}

function switchInput(name: string, value: string): boolean {
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw inputError(`input ${name} must be true or false, not "${value}"`);
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
