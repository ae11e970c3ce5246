/**
 * Every option of a conformance run, once (after vitest's `node/cli/cli-config.ts`, which keeps
 * each CLI option in one typed table): its flag, its runConformance name (the key), the shape of
 * its value, its group and lines in `run --help`, its default, and the GitHub Action input that
 * becomes it. The parser's config (cli-run-values.ts), the usage text (run-usage.ts), the
 * `RunConformanceOptions` type and its runtime checks (api-run-values.ts), the Action's inputs
 * (harness/action/action-inputs.ts) come from here; README.md's flag table, docs/API.md's option
 * table and action.yml are checked against it by tests. Each key's doc comment is the option's
 * documentation in `RunConformanceOptions`.
 *
 * Order matters: rows are listed in `run --help` group by group in this order, and
 * runConformance names the known options in this order.
 */
import type { FailOn, Strength } from '#reports';
import { CANCEL_MODES, type CancelMode } from '../control/index.ts';
import { DEFAULT_LIVE_MAX_RPS, DEFAULT_MAX_ANSWER_BYTES } from '../http/index.ts';
import { DEFAULT_DEADLINE_MS, EMBEDDED_SETTLE_MS, URL_SETTLE_MS } from '../plan/index.ts';
import { parseInteger } from './args.ts';
import {
  type AnyShape,
  files,
  headers,
  list,
  milliseconds,
  number,
  onOff,
  parseRequestsPerSecond,
  perService,
  shard,
  text,
} from './value-shapes.ts';

/** The groups of `run --help` and of README.md's flag table, in this order. */
export const USAGE_GROUPS = {
  target: { title: 'Target', note: 'default: the embedded reference implementation, in-process' },
  selection: { title: 'Selection' },
  timing: { title: 'Timing and limits' },
  output: { title: 'Output and verdict' },
  live: { title: 'Live mode and credentials', note: 'docs/LIVE.md' },
} as const;

export type UsageGroup = keyof typeof USAGE_GROUPS;

/** One line of `run --help`: `--flag ARGUMENT` and its text, one string per printed line. */
export interface UsageForm {
  readonly argument?: string;
  readonly text: readonly string[];
}

function form(argument: string, ...text: string[]): UsageForm {
  return { argument, text };
}

export interface OptionRow {
  /** The flag, without its dashes. */
  readonly flag: string;
  /** A one-letter alias (`-h`). */
  readonly short?: string;
  readonly shape: AnyShape;
  readonly group: UsageGroup;
  /** One line in `run --help` per form the value takes (`--target URL`, `--target msw:PATH`). */
  readonly usage: readonly UsageForm[];
  /** The default, where it is one value; a default that depends on the target is only described. */
  readonly default?: string | number;
  /** The input of the GitHub Action (action.yml) that becomes this flag. */
  readonly actionInput?: string;
  /** Only the command line has it: it changes what the CLI prints, or is its help. */
  readonly cliOnly?: true;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
/** Long enough for a server that starts in a few seconds; a wrong port costs that much once. */
const DEFAULT_WAIT_FOR_TARGET_MS = 10_000;
/** 256 MiB: V8's longest string is about 512 Mi characters, and an answer is read as text. */
const MAX_ANSWER_BYTES_CEILING = 256 * 1024 ** 2;
const DEFAULT_REPORT_DIR = 'lro-report';

export const RUN_OPTIONS = {
  /**
   * The base URL of an implementation over HTTP, `'msw:PATH'` for a handlers module
   * (docs/MSW-TARGET.md), or `'replay:FILE.har'` for a recording. Default: the embedded
   * reference implementation, in-process.
   */
  target: {
    flag: 'target',
    shape: text(),
    group: 'target',
    usage: [
      form('URL', 'base URL of the implementation under test'),
      form(
        'msw:PATH',
        'your own MSW handlers module (.js or .ts), in-process (docs/MSW-TARGET.md)',
      ),
      form('replay:FILE.har', 'answer the run from a recording, offline'),
    ],
    actionInput: 'target',
  },
  /** The target's control endpoint URL, or `'none'` (default `<target>/__control`). */
  control: {
    flag: 'control',
    shape: text(),
    group: 'target',
    usage: [
      form(
        'URL|none',
        'its test-control endpoint (default: <target>/__control); "none" runs',
        'only the clauses that need no control endpoint (probes)',
      ),
    ],
    actionInput: 'control',
  },
  /** Service ids (default: all, or all the target serves). */
  services: {
    flag: 'service',
    shape: list(),
    group: 'selection',
    usage: [form('a,b', 'services to check (default: all; with --target, all the target serves)')],
    actionInput: 'services',
  },
  /**
   * Your own service's document: a Discovery document or a document in the project's OpenAPI
   * form (docs/SERVICE-DOCUMENTS.md), recognised by its content. The run checks the services of
   * these documents (and any `services` named) instead of the five seed services.
   */
  serviceDocuments: {
    flag: 'service-document',
    shape: files(),
    group: 'selection',
    usage: [
      form(
        'FILE',
        "your own service's Discovery or OpenAPI document: check its service",
        'instead of the seed services (docs/SERVICE-DOCUMENTS.md; repeatable)',
      ),
    ],
    actionInput: 'service-documents',
  },
  /**
   * Every API of the catalogue of Google APIs that publish a cancel (docs/CATALOGUE.md), each
   * profile generated from its published document, instead of the five seed services.
   */
  catalogue: {
    flag: 'catalogue',
    shape: onOff(),
    group: 'selection',
    usage: [
      {
        text: [
          'every API of the catalogue of Google APIs that publish a cancel',
          '(docs/CATALOGUE.md) instead of the five seed services',
        ],
      },
    ],
    actionInput: 'catalogue',
  },
  /** Clause ids or globs such as `'cancel/*'`. */
  clauses: {
    flag: 'clause',
    shape: list(),
    group: 'selection',
    usage: [
      form('id,...', "clause ids or globs, e.g. cancel/accepts-request-without-body, 'cancel/*'"),
    ],
    actionInput: 'clauses',
  },
  /** Only clauses of these strengths. */
  strengths: {
    flag: 'strength',
    shape: list<Strength>(),
    group: 'selection',
    usage: [form('s,...', 'only clauses of these strengths: must, should, observed')],
    actionInput: 'strengths',
  },
  /** Only the `index`-th of `count` stable shares of the cells. */
  shard: {
    flag: 'shard',
    shape: shard(),
    group: 'selection',
    usage: [form('I/N', 'only the I-th of N stable shares of the cells (merge them with merge)')],
  },
  /**
   * Also write results.json, matrix.md, junit.xml and report.html there. Default: no report is
   * written (unlike the CLI, whose default is `lro-report`).
   */
  reportDir: {
    flag: 'report-dir',
    shape: text(),
    group: 'output',
    usage: [
      form(
        'DIR',
        'where results.json, matrix.md, junit.xml and report.html go',
        `(default: ${DEFAULT_REPORT_DIR}); checked before any test runs`,
      ),
    ],
    default: DEFAULT_REPORT_DIR,
    actionInput: 'report-dir',
  },
  /** What the CLI prints on stdout. */
  reporter: {
    flag: 'reporter',
    shape: text<'text' | 'json'>(),
    group: 'output',
    usage: [form('text|json', 'what stdout shows: the matrix (default) or results.json')],
    default: 'text',
    cliOnly: true,
  },
  /** Also fail on SHOULD failures, SHOULD INCONCLUSIVE cells, ERROR cells. */
  failOn: {
    flag: 'fail-on',
    shape: list<FailOn>(),
    group: 'output',
    usage: [
      form(
        'c,...',
        'also fail on: should (SHOULD failures), inconclusive (SHOULD',
        'INCONCLUSIVE cells), error (ERROR cells of any strength)',
      ),
    ],
    actionInput: 'fail-on',
  },
  /**
   * Run only the probes (the clauses that need no control endpoint and no operation, and the
   * reads of `operations`) and judge the run on them: it passes when every MUST and SHOULD cell
   * passes or does not apply, and at least one passes. Without it, a run in which no MUST cell
   * passed is `not-verified` (exit 4).
   */
  probesOnly: {
    flag: 'probes-only',
    shape: onOff(),
    group: 'output',
    usage: [
      {
        text: [
          'run only the probes and pass when they pass (SHOULD probes count like',
          'MUST); without it, a run that passed no MUST cell is not verified (exit 4)',
        ],
      },
    ],
    actionInput: 'probes-only',
  },
  /** A file of known deviations (docs/DRIFT.md). */
  expectations: {
    flag: 'expectations',
    shape: text(),
    group: 'output',
    usage: [
      form(
        'FILE',
        'known deviations (docs/DRIFT.md): an expected FAIL does not fail the',
        'run; unexpected passes and expired expectations are reported',
      ),
    ],
  },
  /** An earlier results.json whose differences the CLI prints. */
  baseline: {
    flag: 'baseline',
    shape: text(),
    group: 'output',
    usage: [form('FILE', 'an earlier results.json: print only what changed since (docs/DRIFT.md)')],
    cliOnly: true,
  },
  /** An id written to the results as `runId`. */
  runId: {
    flag: 'run-id',
    shape: text(),
    group: 'output',
    usage: [
      form(
        'ID',
        'an id written to results.json as runId, so a caller can tell its own',
        "run's report from an earlier one (letters, digits, . _ : -)",
      ),
    ],
  },
  /** The usage text (the dispatcher prints it before any parsing). */
  help: {
    flag: 'help',
    short: 'h',
    shape: onOff(),
    group: 'output',
    usage: [{ text: ['this text'] }],
    cliOnly: true,
  },
  /** Embedded reference: how it answers cancels. */
  cancelMode: {
    flag: 'cancel',
    shape: text<CancelMode>(),
    group: 'target',
    usage: [form('MODE', `embedded reference: ${CANCEL_MODES.join(' | ')}`, '(default honor)')],
    default: 'honor',
  },
  /** Embedded reference: milliseconds before a cancel takes effect. */
  cancelDelayMs: {
    flag: 'cancel-delay',
    shape: milliseconds(),
    group: 'target',
    usage: [form('MS', 'embedded reference: delay before a cancel takes effect (default 0)')],
    default: 0,
  },
  /** Embedded reference: a deliberate fault (docs/SELF-TEST.md). */
  fault: {
    flag: 'fault',
    shape: text(),
    group: 'target',
    usage: [form('ID', 'embedded reference: inject a deliberate fault (see docs/SELF-TEST.md)')],
  },
  /** Embedded reference: a conformant variant. */
  variant: {
    flag: 'variant',
    shape: text(),
    group: 'target',
    usage: [form('ID', 'embedded reference: a conformant variant that differs as the docs allow')],
  },
  /** How long a cancel may take to show through GetOperation. */
  deadlineMs: {
    flag: 'deadline',
    shape: milliseconds(),
    group: 'timing',
    usage: [
      form(
        'MS',
        `how long a cancel may take to show through GetOperation (default ${DEFAULT_DEADLINE_MS})`,
      ),
    ],
    default: DEFAULT_DEADLINE_MS,
  },
  /** How long after an operation is seen done it is read again. */
  settleMs: {
    flag: 'settle',
    shape: milliseconds(),
    group: 'timing',
    usage: [
      form(
        'MS',
        'how long after an operation is seen done it is read again',
        `(default ${URL_SETTLE_MS} over HTTP; ${EMBEDDED_SETTLE_MS} on the embedded reference, free)`,
      ),
    ],
  },
  /** Per request over HTTP. */
  requestTimeoutMs: {
    flag: 'request-timeout',
    shape: milliseconds(),
    group: 'timing',
    usage: [
      form(
        'MS',
        `per request over HTTP, at least (default ${DEFAULT_REQUEST_TIMEOUT_MS}); longer for a target`,
        'whose answers are slow: twice the slowest answer so far',
      ),
    ],
    default: DEFAULT_REQUEST_TIMEOUT_MS,
  },
  /**
   * How long to wait for a target over HTTP that refuses connections, because it is still
   * starting (a CI job starts the server in the background and the run at once). 0: do not wait.
   */
  waitForTargetMs: {
    flag: 'wait-for-target',
    shape: milliseconds(),
    group: 'timing',
    usage: [
      form(
        'MS',
        'how long to wait for a target URL that refuses connections (still starting)',
        `before giving up (default ${DEFAULT_WAIT_FOR_TARGET_MS}; 0: do not wait)`,
      ),
    ],
    default: DEFAULT_WAIT_FOR_TARGET_MS,
    actionInput: 'wait-for-target',
  },
  /** The most bytes of one answer's body the run reads; a longer answer is ERROR, not judged. */
  maxAnswerBytes: {
    flag: 'max-answer-bytes',
    shape: number((option, given) =>
      parseInteger(option, given, { min: 1024, max: MAX_ANSWER_BYTES_CEILING }),
    ),
    group: 'timing',
    usage: [
      form(
        'N',
        `the most bytes of one answer's body the run reads (default ${DEFAULT_MAX_ANSWER_BYTES});`,
        'a longer answer is ERROR: it could not be checked',
      ),
    ],
    default: DEFAULT_MAX_ANSWER_BYTES,
  },
  /** Each service at its documented host, with Application Default Credentials. */
  live: {
    flag: 'live',
    shape: onOff(),
    group: 'live',
    usage: [
      {
        text: [
          'each service at its documented host, with Application Default',
          'Credentials; only probes that harm nothing unless told otherwise',
        ],
      },
    ],
    actionInput: 'live',
  },
  /** Per service, the leading part of operation names you own. */
  parents: {
    flag: 'parent',
    shape: perService(),
    group: 'live',
    usage: [
      form(
        'S=PREFIX',
        "leading part of S's operation names you own, for probe names",
        '(e.g. datafusion=projects/P/locations/L; repeatable)',
      ),
    ],
    actionInput: 'parents',
  },
  /** Per service, an existing operation to read, never change. */
  operations: {
    flag: 'operation',
    shape: perService(),
    group: 'live',
    usage: [form('S=NAME', 'an existing operation of S to read, never change (repeatable)')],
    actionInput: 'operations',
  },
  /** Per service, an existing operation the run may cancel, exactly once. */
  allowCancel: {
    flag: 'allow-cancel',
    shape: perService(),
    group: 'live',
    usage: [form('S=NAME', 'an existing operation of S the run may cancel, exactly once')],
    actionInput: 'allow-cancel',
  },
  /** Live: per service, another base URL. */
  endpoints: {
    flag: 'endpoint',
    shape: perService(),
    group: 'live',
    usage: [form('S=URL', 'another base URL for S (regional, private, a stand-in)')],
    actionInput: 'endpoints',
  },
  /** Per service, the OAuth scope(s) to request instead of the documented ones. */
  scopes: {
    flag: 'scope',
    shape: perService('several'),
    group: 'live',
    usage: [form('S=SCOPE', 'the OAuth scope to request for S (repeatable; default: documented)')],
  },
  /** Bill quota to this project (`x-goog-user-project`). */
  quotaProject: {
    flag: 'quota-project',
    shape: text(),
    group: 'live',
    usage: [form('ID', 'bill quota to this project (x-goog-user-project)')],
    actionInput: 'quota-project',
  },
  /** Live: requests per second per host. */
  maxRps: {
    flag: 'max-rps',
    shape: number(parseRequestsPerSecond),
    group: 'live',
    usage: [form('N', `requests per second per host (default ${DEFAULT_LIVE_MAX_RPS})`)],
    default: DEFAULT_LIVE_MAX_RPS,
    actionInput: 'max-rps',
  },
  /** Live: at most this many requests per service; more are ERROR. */
  maxRequests: {
    flag: 'max-requests',
    shape: number((option, given) => parseInteger(option, given, { min: 1, max: 1_000_000 })),
    group: 'live',
    usage: [form('N', 'send at most N requests per service; more are ERROR')],
  },
  /** Write the session's exchanges to this HAR file, scrubbed. */
  record: {
    flag: 'record',
    shape: text(),
    group: 'live',
    usage: [form('FILE.har', "write the session's exchanges as HAR 1.2, scrubbed")],
  },
  /**
   * Headers added to every request, name → value. Values are sent as given: unlike the CLI's
   * `--header`, a `$NAME` in them is not read from the environment.
   */
  headers: {
    flag: 'header',
    shape: headers(),
    group: 'live',
    usage: [form("'Name: value'", 'add a header to every request ($VAR expanded; repeatable)')],
    actionInput: 'headers',
  },
  /** Application Default Credentials, or none (default: `adc` with `live`). */
  auth: {
    flag: 'auth',
    shape: text<'adc' | 'none'>(),
    group: 'live',
    usage: [form('adc|none', 'Application Default Credentials (default: adc with --live)')],
  },
} as const satisfies Readonly<Record<string, OptionRow>>;

type Table = typeof RUN_OPTIONS;

export type RunOptionName = keyof Table;

/** The options runConformance takes: every row the command line does not keep to itself. */
export type RunApiOptionName = {
  [K in RunOptionName]: Table[K] extends { readonly cliOnly: true } ? never : K;
}[RunOptionName];

type ApiOf<Shape> = Shape extends { readonly api?: infer Api } ? Exclude<Api, undefined> : never;
type ValueOf<Shape> = Shape extends { readonly fromApi: (...args: never[]) => infer Value }
  ? Value
  : never;

/** The options of `runConformance` (docs/API.md): the table's rows, in camelCase, typed. */
export type RunConformanceOptions = {
  readonly [K in RunOptionName as K extends RunApiOptionName ? K : never]?: ApiOf<
    Table[K]['shape']
  >;
};

/**
 * Each option's value as either front door gives it, before the checks that need the others
 * (run-options.ts): the command line's text read by its shape, or runConformance's value
 * type-checked by it.
 */
export type RunOptionValues = { readonly [K in RunOptionName]?: ValueOf<Table[K]['shape']> };

export const RUN_OPTION_NAMES = Object.keys(RUN_OPTIONS) as RunOptionName[];

export const RUN_API_OPTION_NAMES = RUN_OPTION_NAMES.filter(
  (name): name is RunApiOptionName => !('cliOnly' in RUN_OPTIONS[name]),
);
