/**
 * `lro-conformance run` flags: parsed strictly, checked against the known services and clauses,
 * turned into a RunConfig. Every mistake becomes one line that says how to fix it (exit 2).
 */
import { parseArgs } from 'node:util';
import { usageError } from '#base';
import { FAIL_ON, type FailOn, type Strength } from '#reports';
import { serviceIds } from '#specs';
import { DEFAULT_DEADLINE_MS } from '../clause/poll.ts';
import { MOCK_SETTLE_MS, type RunConfig, URL_SETTLE_MS } from '../clause/run-config.ts';
import { listClauseIds } from '../clause/suite-catalogue.ts';
import { CANCEL_MODES, type CancelMode, CONTROL_PATH } from '../control/vocabulary.ts';
import { REFERENCE_FAULTS, referenceFault } from '../reference/faults/catalogue.ts';
import { REFERENCE_VARIANTS, referenceVariant } from '../reference/faults/variants.ts';
import type { TargetConfig } from '../targets/target.ts';
import { parseChoice, parseHttpUrl, parseInteger } from './args.ts';
import { matchesGlob } from './clause-glob.ts';
import { LIVE_FLAGS, LIVE_USAGE, parseLiveRunParts } from './live-options.ts';
import { isMswTargetOption, mswTargetConfig } from './msw-target-option.ts';

export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
const STRENGTHS: readonly Strength[] = ['MUST', 'SHOULD', 'observed'];
const REPORTERS = ['text', 'json'] as const;

export const RUN_USAGE = `Usage: lro-conformance run [options]

Runs every clause for the selected services and writes the report.

Target (default: the embedded reference implementation, in-process):
  --target URL          base URL of the implementation under test
  --target msw:PATH     your own MSW handlers module (.js or .ts), in-process (docs/MSW-TARGET.md)
  --control URL|none    its test-control endpoint (default: <target>${CONTROL_PATH}); "none" runs
                        only the clauses that need no control endpoint (probes)
  --request-timeout MS  per request over HTTP (default ${DEFAULT_REQUEST_TIMEOUT_MS})
  --cancel MODE         embedded reference: ${CANCEL_MODES.join(' | ')} (default honor)
  --cancel-delay MS     embedded reference: delay before a cancel takes effect (default 0)
  --fault ID            embedded reference: inject a deliberate fault (see docs/SELF-TEST.md)
  --variant ID          embedded reference: a conformant variant that differs as the docs allow

Selection:
  --service a,b         services to check (default: all; with --target, all the target serves)
  --clause id,...       clause ids or globs, e.g. cancel/accepts-request-without-body, 'cancel/*'
  --strength s,...      only clauses of these strengths: must, should, observed
  --shard I/N           only the I-th of N stable shares of the cells (merge them with merge)

Timing:
  --deadline MS         how long a cancel may take to show through GetOperation (default ${DEFAULT_DEADLINE_MS})
  --settle MS           how long after an operation is seen done it is read again
                        (default ${URL_SETTLE_MS} over HTTP; ${MOCK_SETTLE_MS} on the embedded reference, free)

Output and verdict:
  --report-dir DIR      where results.json, matrix.md, junit.xml and report.html go
                        (default: lro-report); checked before any test runs
  --reporter text|json  what stdout shows: the matrix (default) or results.json
  --fail-on c,...       also fail on: should (SHOULD failures), inconclusive (SHOULD
                        INCONCLUSIVE cells), error (ERROR cells of any strength)
  --expectations FILE   known deviations (docs/DRIFT.md): an expected FAIL does not fail the
                        run; unexpected passes and expired expectations are reported
  --baseline FILE       an earlier results.json: print only what changed since (docs/DRIFT.md)
  --run-id ID           an id written to results.json as runId, so a caller can tell its own
                        run's report from an earlier one (letters, digits, . _ : -)
  -h, --help            this text

${LIVE_USAGE}

Exit codes: 0 every applicable MUST cell passed, 1 a scored cell fails, 2 usage or configuration
error, 3 the target cannot be reached or a scored check could not be carried out (ERROR),
4 nothing fails but a scored cell is INCONCLUSIVE (not verified), 130 interrupted.`;

export interface RunOptions {
  readonly run: RunConfig;
  /** Services named with --service; undefined = let the target decide. */
  readonly requestedServices: readonly string[] | undefined;
  readonly clauseIds: readonly string[];
  readonly reportDir: string;
  readonly reporter: (typeof REPORTERS)[number];
  readonly failOn: readonly FailOn[];
  /** The request timeout over HTTP, for the report's settings. */
  readonly requestTimeoutMs?: number;
  /** Known deviations to apply (`--expectations FILE`). */
  readonly expectationsFile?: string;
  /** An earlier results.json to compare with at the end (`--baseline FILE`). */
  readonly baselineFile?: string;
  /** Where to write the session as HAR after the run (`--record FILE.har`). */
  readonly recordFile?: string;
  /** The caller's id for the run, written to results.json (`--run-id`). */
  readonly runId?: string;
}

export function parseRunOptions(argv: readonly string[]): RunOptions {
  const { values, positionals } = parseStrict(argv);
  if (positionals.length > 0)
    throw usageError(`unexpected argument "${positionals[0]}" (see --help)`);
  const requestedServices =
    values.service === undefined ? undefined : listOf(values.service, 'service', serviceIds());
  const live = parseLiveRunParts(
    values,
    requestedServices,
    millis(values['request-timeout'], 'request-timeout', DEFAULT_REQUEST_TIMEOUT_MS),
  );
  if (live.target !== undefined) {
    noReferenceFlags(values, live.target.kind === 'live' ? '--live' : '--target');
  }
  const target =
    live.target ??
    (values.target === undefined
      ? embeddedTarget(values)
      : isMswTargetOption(values.target)
        ? mswTargetConfig(values.target, values)
        : { ...urlTarget(values.target, values), ...(live.urlAuth ? { auth: live.urlAuth } : {}) });
  const strengths = values.strength === undefined ? undefined : strengthsOf(values.strength);
  return {
    requestedServices: live.services ?? requestedServices,
    clauseIds: values.clause === undefined ? listClauseIds() : clausesOf(values.clause),
    reportDir: values['report-dir'] ?? 'lro-report',
    reporter: parseChoice('reporter', values.reporter ?? 'text', REPORTERS),
    failOn: values['fail-on'] === undefined ? [] : failOnOf(values['fail-on']),
    ...('requestTimeoutMs' in target ? { requestTimeoutMs: target.requestTimeoutMs } : {}),
    ...(values.expectations === undefined ? {} : { expectationsFile: values.expectations }),
    ...(values.baseline === undefined ? {} : { baselineFile: values.baseline }),
    ...(live.recordFile === undefined ? {} : { recordFile: live.recordFile }),
    ...(values['run-id'] === undefined ? {} : { runId: runIdOf(values['run-id']) }),
    run: {
      target,
      services: live.services ?? requestedServices ?? serviceIds(),
      deadlineMs: live.deadlineMs ?? millis(values.deadline, 'deadline', DEFAULT_DEADLINE_MS),
      settleMs:
        live.settleMs ??
        millis(values.settle, 'settle', target.kind === 'mock' ? MOCK_SETTLE_MS : URL_SETTLE_MS),
      capabilities: {
        control:
          target.kind === 'mock' ||
          target.kind === 'msw' ||
          (target.kind === 'url' && target.controlUrl !== undefined),
        operations: live.operations,
        cancellable: live.cancellable,
      },
      parents: live.parents,
      probeSeed: live.probeSeed,
      ...(strengths === undefined ? {} : { strengths }),
      ...(values.shard === undefined ? {} : { shard: shardOf(values.shard) }),
    },
  };
}

type ParsedValues = ReturnType<typeof parseStrict>['values'];

function embeddedTarget(values: ParsedValues): TargetConfig {
  for (const flag of ['control', 'request-timeout'] as const) {
    if (values[flag] !== undefined) {
      throw usageError(`--${flag} needs --target (the embedded reference has its own)`);
    }
  }
  return {
    kind: 'mock',
    cancelMode: parseChoice('cancel', values.cancel ?? 'honor', CANCEL_MODES) as CancelMode,
    cancelDelayMs: millis(values['cancel-delay'], 'cancel-delay', 0),
    ...(values.fault === undefined ? {} : { fault: knownFault(values.fault) }),
    ...(values.variant === undefined ? {} : { variant: knownVariant(values.variant) }),
  };
}

function noReferenceFlags(values: ParsedValues, instead: string): void {
  for (const flag of ['cancel', 'cancel-delay', 'fault', 'variant'] as const) {
    if (values[flag] !== undefined) {
      throw usageError(`--${flag} configures the embedded reference: drop it, or drop ${instead}`);
    }
  }
}

function urlTarget(target: string, values: ParsedValues): Extract<TargetConfig, { kind: 'url' }> {
  noReferenceFlags(values, '--target');
  const baseUrl = parseHttpUrl('target', target);
  const control = values.control ?? `${baseUrl}${CONTROL_PATH}`;
  return {
    kind: 'url',
    baseUrl,
    ...(control === 'none' ? {} : { controlUrl: parseHttpUrl('control', control) }),
    requestTimeoutMs: millis(
      values['request-timeout'],
      'request-timeout',
      DEFAULT_REQUEST_TIMEOUT_MS,
    ),
  };
}

function parseStrict(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        target: { type: 'string' },
        control: { type: 'string' },
        service: { type: 'string' },
        clause: { type: 'string' },
        strength: { type: 'string' },
        shard: { type: 'string' },
        'report-dir': { type: 'string' },
        reporter: { type: 'string' },
        'fail-on': { type: 'string' },
        expectations: { type: 'string' },
        baseline: { type: 'string' },
        'run-id': { type: 'string' },
        cancel: { type: 'string' },
        'cancel-delay': { type: 'string' },
        fault: { type: 'string' },
        variant: { type: 'string' },
        deadline: { type: 'string' },
        settle: { type: 'string' },
        'request-timeout': { type: 'string' },
        ...LIVE_FLAGS,
      },
    });
  } catch (error) {
    throw usageError(`${(error as Error).message.replace(/\. To specify.*$/s, '')} (see --help)`);
  }
}

function knownFault(id: string): string {
  if (!referenceFault(id)) {
    throw usageError(
      `unknown fault "${id}" (known: ${REFERENCE_FAULTS.map((f) => f.id).join(', ')})`,
    );
  }
  return id;
}

function knownVariant(id: string): string {
  if (!referenceVariant(id)) {
    throw usageError(
      `unknown variant "${id}" (known: ${REFERENCE_VARIANTS.map((v) => v.id).join(', ')})`,
    );
  }
  return id;
}

function itemsOf(text: string, flag: string): string[] {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) throw usageError(`--${flag} needs at least one value`);
  return [...new Set(items)];
}

function listOf(text: string, flag: string, known: readonly string[]): string[] {
  const items = itemsOf(text, flag);
  const unknown = items.filter((item) => !known.includes(item));
  if (unknown.length > 0) {
    throw usageError(`unknown ${flag} "${unknown.join('", "')}" (known: ${known.join(', ')})`);
  }
  return items;
}

/** Clause ids and globs; every glob must match some clause. Keeps the catalogue's order. */
function clausesOf(text: string): string[] {
  const known = listClauseIds();
  const patterns = itemsOf(text, 'clause');
  for (const pattern of patterns) {
    if (!known.some((id) => matchesGlob(id, pattern))) {
      throw usageError(
        `unknown clause "${pattern}" (no clause id matches; see lro-conformance list)`,
      );
    }
  }
  return known.filter((id) => patterns.some((pattern) => matchesGlob(id, pattern)));
}

function strengthsOf(text: string): Strength[] {
  return itemsOf(text, 'strength').map((item) => {
    const strength = STRENGTHS.find((candidate) => candidate.toLowerCase() === item.toLowerCase());
    if (strength === undefined) {
      throw usageError(`unknown --strength value "${item}" (allowed: must, should, observed)`);
    }
    return strength;
  });
}

function failOnOf(text: string): FailOn[] {
  return itemsOf(text, 'fail-on').map((item) => parseChoice('fail-on', item, FAIL_ON));
}

function shardOf(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw usageError(`--shard takes I/N with 1 <= I <= N, e.g. 2/4; got "${text}"`);
  }
  return { index: parseInteger('shard', String(index), { min: 1, max: count }), count };
}

/** A run id travels in results.json and in file names a caller may build from it. */
function runIdOf(text: string): string {
  if (!/^[A-Za-z0-9._:-]{1,128}$/.test(text)) {
    throw usageError(
      `--run-id takes 1 to 128 letters, digits, dots, underscores, colons or hyphens; got "${text}"`,
    );
  }
  return text;
}

function millis(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value))
    throw usageError(`--${flag} takes whole milliseconds, not "${text}"`);
  return value;
}
