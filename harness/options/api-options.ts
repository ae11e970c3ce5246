/**
 * The options of `runConformance` (docs/API.md): the flags of `lro-conformance run` in
 * camelCase, typed. They are turned back into those flags and go through the CLI's own parser
 * (harness/options/run-options.ts, harness/options/live-options.ts), so both accept and refuse exactly
 * the same things; messages name the option instead of the flag. Live mode and credentials are
 * docs/LIVE.md's flags; `SERVICE=VALUE` flags are records keyed by service.
 */
import { type UsageError, usageError } from '#base';
import type { FailOn, Strength } from '#reports';
import type { CancelMode } from '../control/vocabulary.ts';

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
  /** `--run-id`: an id written to the results as `runId`. */
  readonly runId?: string;
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
  /** `--live`: each service at its documented host, with Application Default Credentials. */
  readonly live?: boolean;
  /** `--parent`: per service, the leading part of operation names you own. */
  readonly parents?: ServiceRecord;
  /** `--operation`: per service, an existing operation to read, never change. */
  readonly operations?: ServiceRecord;
  /** `--allow-cancel`: per service, an existing operation the run may cancel, exactly once. */
  readonly allowCancel?: ServiceRecord;
  /** `--endpoint` (live): per service, another base URL. */
  readonly endpoints?: ServiceRecord;
  /** `--scope`: per service, the OAuth scope(s) to request instead of the documented ones. */
  readonly scopes?: Readonly<Record<string, string | readonly string[]>>;
  /** `--quota-project`: bill quota to this project (`x-goog-user-project`). */
  readonly quotaProject?: string;
  /** `--max-rps` (live): requests per second per host. */
  readonly maxRps?: number;
  /** `--max-requests` (live): at most this many requests per service; more are ERROR. */
  readonly maxRequests?: number;
  /** `--record`: write the session's exchanges to this HAR file, scrubbed. */
  readonly record?: string;
  /**
   * `--header`: headers added to every request, name → value. Values are sent as given: unlike
   * the CLI's `--header`, a `$NAME` in them is not read from the environment.
   */
  readonly headers?: Readonly<Record<string, string>>;
  /** `--auth`: Application Default Credentials, or none (default: `adc` with `live`). */
  readonly auth?: 'adc' | 'none';
}

/** Service id → value, for the repeatable `SERVICE=VALUE` flags. */
export type ServiceRecord = Readonly<Record<string, string>>;

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
  runId: 'run-id',
  cancelMode: 'cancel',
  cancelDelayMs: 'cancel-delay',
  fault: 'fault',
  variant: 'variant',
  deadlineMs: 'deadline',
  settleMs: 'settle',
  requestTimeoutMs: 'request-timeout',
  live: 'live',
  parents: 'parent',
  operations: 'operation',
  allowCancel: 'allow-cancel',
  endpoints: 'endpoint',
  scopes: 'scope',
  quotaProject: 'quota-project',
  maxRps: 'max-rps',
  maxRequests: 'max-requests',
  record: 'record',
  headers: 'header',
  auth: 'auth',
} as const satisfies Record<keyof RunConformanceOptions, string>;

type OptionName = keyof typeof FLAG_OF;
const OPTION_NAMES = Object.keys(FLAG_OF) as OptionName[];

function isOptionName(name: string): name is OptionName {
  return Object.hasOwn(FLAG_OF, name);
}

function optionError(message: string): UsageError {
  return usageError(message);
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
    args.push(...flagArgs(name, value));
  }
  return args;
}

type ValueKind =
  | 'string'
  | 'list'
  | 'milliseconds'
  | 'number'
  | 'shard'
  | 'boolean'
  | 'services'
  | 'scopes'
  | 'headers';

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
  runId: 'string',
  cancelMode: 'string',
  cancelDelayMs: 'milliseconds',
  fault: 'string',
  variant: 'string',
  deadlineMs: 'milliseconds',
  settleMs: 'milliseconds',
  requestTimeoutMs: 'milliseconds',
  live: 'boolean',
  parents: 'services',
  operations: 'services',
  allowCancel: 'services',
  endpoints: 'services',
  scopes: 'scopes',
  quotaProject: 'string',
  maxRps: 'number',
  maxRequests: 'number',
  record: 'string',
  headers: 'headers',
  auth: 'string',
};

const KIND_WORDS: Readonly<Record<ValueKind, string>> = {
  string: 'a string',
  list: 'an array of strings',
  milliseconds: 'a number of milliseconds',
  number: 'a number',
  shard: 'an object { index, count }',
  boolean: 'true or false',
  services: 'an object of service id → string',
  scopes: 'an object of service id → scope or array of scopes',
  headers: 'an object of header name → string value',
};

/** The flags for a value of the option's type; the CLI's parser checks the rest. */
function flagArgs(name: OptionName, value: unknown): string[] {
  const flag = `--${FLAG_OF[name]}`;
  const kind = KIND_OF[name];
  // A header value is never echoed: it may be a credential.
  const shown = kind === 'headers' ? 'an object with other values' : JSON.stringify(value);
  const wrongType = () => optionError(`${name} must be ${KIND_WORDS[kind]}, not ${shown}`);
  if (kind === 'boolean') {
    if (typeof value !== 'boolean') throw wrongType();
    return value ? [flag] : [];
  }
  if (kind === 'services' || kind === 'scopes' || kind === 'headers') {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw wrongType();
    return Object.entries(value).flatMap(([key, item]) => {
      const items: unknown[] = kind === 'scopes' && Array.isArray(item) ? item : [item];
      if (!items.every((each) => typeof each === 'string')) throw wrongType();
      return (items as string[]).flatMap((each) => [flag, entryText(name, kind, key, each)]);
    });
  }
  return [flag, scalarText(kind, value, wrongType)];
}

function scalarText(kind: ValueKind, value: unknown, wrongType: () => UsageError): string {
  if (kind === 'string' && typeof value === 'string') return value;
  if ((kind === 'milliseconds' || kind === 'number') && typeof value === 'number') {
    return String(value);
  }
  if (kind === 'list' && Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.join(',');
  }
  if (kind === 'shard' && typeof value === 'object' && value !== null) {
    const { index, count } = value as { index?: unknown; count?: unknown };
    return `${String(index)}/${String(count)}`;
  }
  throw wrongType();
}

/**
 * One entry of a record option as its flag's text: `SERVICE=VALUE`, or `Name: value` for a
 * header. A header value is sent as given: each `$` is doubled, which the CLI's `$NAME`
 * expansion (harness/http/auth/header-options.ts) reads back as one `$`.
 */
function entryText(name: OptionName, kind: ValueKind, key: string, value: string): string {
  if (kind === 'headers') {
    if (key.includes(':')) {
      throw optionError(
        `${name}: the name ${JSON.stringify(key)} has a colon; give the name alone`,
      );
    }
    return `${key}: ${value.replaceAll('$', () => '$$')}`;
  }
  if (key.includes('=') || key.trim() === '') {
    throw optionError(`${name} has the key ${JSON.stringify(key)}, which is not a service id`);
  }
  if (value.trim() === '') throw optionError(`${name}.${key} is empty`);
  return `${key}=${value}`;
}

/** Longest flags first, so `--cancel-delay` is not read as `--cancel`. */
const FLAGS_BY_LENGTH = OPTION_NAMES.map((name) => [name, FLAG_OF[name]] as const).sort(
  (a, b) => b[1].length - a[1].length,
);

/** A CLI message reworded for the API: each flag becomes its option's name. */
export function inOptionTerms(message: string): string {
  let text = message.replaceAll('(see --help)', '(see RunConformanceOptions)');
  for (const [name, flag] of FLAGS_BY_LENGTH) {
    // `--parent checks=…` is the entry `parents.checks` of a record option.
    if (KIND_OF[name] === 'services' || KIND_OF[name] === 'scopes') {
      text = text.replace(new RegExp(`--${flag} ([a-z][a-z0-9-]*)=`, 'g'), `${name}.$1=`);
    }
    text = text.replace(new RegExp(`--${flag}(?![\\w-])`, 'g'), name);
  }
  return text;
}
