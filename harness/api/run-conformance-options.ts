/**
 * The options of `runConformance` (docs/API.md): the flags of `lro-conformance run` in
 * camelCase, typed. They are turned back into those flags and go through the CLI's own parser
 * (harness/cli/run-options.ts), so both accept and refuse exactly the same things; messages
 * name the option instead of the flag.
 */
import type { FailOn, Strength } from '#reports';
import { EXIT_USAGE } from '../cli/cli-errors.ts';
import type { CancelMode } from '../control-protocol/vocabulary.ts';
import { ConformanceRunError } from './conformance-run-error.ts';

export interface RunConformanceOptions {
  /**
   * `--target`: the base URL of an implementation over HTTP, or `msw:PATH` for a handlers module
   * (docs/MSW-TARGET.md). Default: the embedded reference implementation, in-process.
   */
  readonly target?: string;
  /** `--control`: the target's control endpoint URL, or `'none'` (default `<target>/__control`). */
  readonly control?: string;
  /** `--service`: service ids (default: all, or all the target serves). */
  readonly services?: readonly string[];
  /** `--clause`: clause ids or globs such as `'cancel/*'`. */
  readonly clauses?: readonly string[];
  /** `--strength`: only clauses of these strengths. */
  readonly strengths?: readonly Strength[];
  /** `--shard`: only the `index`-th of `count` stable shares of the cells. */
  readonly shard?: { readonly index: number; readonly count: number };
  /**
   * `--report-dir`: also write results.json, matrix.md, junit.xml and report.html there.
   * Default: no report is written (unlike the CLI, whose default is `lro-report`).
   */
  readonly reportDir?: string;
  /** `--fail-on`: also fail on SHOULD failures, SHOULD INCONCLUSIVE cells, ERROR cells. */
  readonly failOn?: readonly FailOn[];
  /** `--expectations`: a file of known deviations (docs/DRIFT.md). */
  readonly expectations?: string;
  /** `--cancel` (embedded reference): how it answers cancels. */
  readonly cancelMode?: CancelMode;
  /** `--cancel-delay` (embedded reference): milliseconds before a cancel takes effect. */
  readonly cancelDelayMs?: number;
  /** `--fault` (embedded reference): a deliberate fault (docs/SELF-TEST.md). */
  readonly fault?: string;
  /** `--variant` (embedded reference): a conformant variant. */
  readonly variant?: string;
  /** `--deadline`: how long a cancel may take to show through GetOperation. */
  readonly deadlineMs?: number;
  /** `--settle`: how long after an operation is seen done it is read again. */
  readonly settleMs?: number;
  /** `--request-timeout`: per request over HTTP. */
  readonly requestTimeoutMs?: number;
}

/** Each option's flag; a new option without one does not compile. */
const FLAG_OF = {
  target: 'target',
  control: 'control',
  services: 'service',
  clauses: 'clause',
  strengths: 'strength',
  shard: 'shard',
  reportDir: 'report-dir',
  failOn: 'fail-on',
  expectations: 'expectations',
  cancelMode: 'cancel',
  cancelDelayMs: 'cancel-delay',
  fault: 'fault',
  variant: 'variant',
  deadlineMs: 'deadline',
  settleMs: 'settle',
  requestTimeoutMs: 'request-timeout',
} as const satisfies Record<keyof RunConformanceOptions, string>;

type OptionName = keyof typeof FLAG_OF;
const OPTION_NAMES = Object.keys(FLAG_OF) as OptionName[];

function isOptionName(name: string): name is OptionName {
  return Object.hasOwn(FLAG_OF, name);
}

function optionError(message: string): ConformanceRunError {
  return new ConformanceRunError(message, EXIT_USAGE);
}

/** `lro-conformance run` arguments for these options; malformed values are usage errors. */
export function runArgsOf(options: RunConformanceOptions): string[] {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw optionError('runConformance takes an options object (see RunConformanceOptions)');
  }
  const args: string[] = [];
  for (const [name, value] of Object.entries(options)) {
    if (!isOptionName(name)) {
      throw optionError(`unknown option "${name}" (known: ${OPTION_NAMES.join(', ')})`);
    }
    if (value === undefined) continue;
    args.push(`--${FLAG_OF[name]}`, flagValue(name, value));
  }
  return args;
}

type ValueKind = 'string' | 'list' | 'milliseconds' | 'shard';

const KIND_OF: Readonly<Record<OptionName, ValueKind>> = {
  target: 'string',
  control: 'string',
  services: 'list',
  clauses: 'list',
  strengths: 'list',
  shard: 'shard',
  reportDir: 'string',
  failOn: 'list',
  expectations: 'string',
  cancelMode: 'string',
  cancelDelayMs: 'milliseconds',
  fault: 'string',
  variant: 'string',
  deadlineMs: 'milliseconds',
  settleMs: 'milliseconds',
  requestTimeoutMs: 'milliseconds',
};

const KIND_WORDS: Readonly<Record<ValueKind, string>> = {
  string: 'a string',
  list: 'an array of strings',
  milliseconds: 'a number of milliseconds',
  shard: 'an object { index, count }',
};

/** The flag's text for a value of the option's type; the CLI's parser checks the rest. */
function flagValue(name: OptionName, value: unknown): string {
  const kind = KIND_OF[name];
  if (kind === 'string' && typeof value === 'string') return value;
  if (kind === 'milliseconds' && typeof value === 'number') return String(value);
  if (kind === 'list' && Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.join(',');
  }
  if (kind === 'shard' && typeof value === 'object' && value !== null) {
    const { index, count } = value as { index?: unknown; count?: unknown };
    return `${String(index)}/${String(count)}`;
  }
  throw optionError(`${name} must be ${KIND_WORDS[kind]}, not ${JSON.stringify(value)}`);
}

/** Longest flags first, so `--cancel-delay` is not read as `--cancel`. */
const FLAGS_BY_LENGTH = OPTION_NAMES.map((name) => [name, FLAG_OF[name]] as const).sort(
  (a, b) => b[1].length - a[1].length,
);

/** A CLI message reworded for the API: each flag becomes its option's name. */
export function inOptionTerms(message: string): string {
  let text = message.replaceAll('(see --help)', '(see RunConformanceOptions)');
  for (const [name, flag] of FLAGS_BY_LENGTH) {
    text = text.replace(new RegExp(`--${flag}(?![\\w-])`, 'g'), name);
  }
  return text;
}
