/**
 * `lro-conformance run` flags: parsed strictly, checked against the known services and clauses,
 * turned into a RunConfig. Every mistake becomes one line that says how to fix it.
 */
import { parseArgs } from 'node:util';
import { serviceIds } from '#specs';
import type { RunConfig } from '../conformance/run-config.ts';
import { REFERENCE_FAULTS, referenceFault } from '../faults/catalogue.ts';
import { DEFAULT_DEADLINE_MS } from '../polling/poll.ts';
import type { TargetConfig } from '../targets/target.ts';
import { usageError } from './cli-errors.ts';
import { listClauseIds } from './suite-catalogue.ts';

export const RUN_USAGE = `Usage: lro-conformance run [options]

  --target URL          base URL of the implementation under test (default: the embedded reference)
  --control URL         its test-control endpoint (default: <target>/__control)
  --service a,b         services to check (default: all; with --target, all the target serves)
  --clause id,...       clause ids to check, e.g. cancel/accepts-request-without-body (default: all)
  --report-dir DIR      where results.json, matrix.md and junit.xml go (default: lro-report)
  --cancel MODE         embedded reference only: honor | unimplemented | complete-despite
  --cancel-delay MS     embedded reference only: delay before a cancel takes effect (default 0)
  --fault ID            embedded reference only: inject a deliberate fault (see docs/SELF-TEST.md)
  --deadline MS         how long a cancel may take to show through GetOperation (default ${DEFAULT_DEADLINE_MS})
  --request-timeout MS  per request, with --target (default 10000)
  -h, --help            this text

Exit codes: 0 every applicable MUST cell passed, 1 a MUST cell fails, 2 usage or configuration
error, 3 the target cannot be reached or a MUST check could not be carried out (ERROR),
4 nothing fails but a MUST cell is INCONCLUSIVE (not verified), 130 interrupted.`;

const CANCEL_MODES = ['honor', 'unimplemented', 'complete-despite'] as const;

export interface RunOptions {
  readonly run: RunConfig;
  /** Services named with --service; undefined = let the target decide. */
  readonly requestedServices: readonly string[] | undefined;
  readonly clauseIds: readonly string[];
  readonly reportDir: string;
}

export function parseRunOptions(argv: readonly string[]): RunOptions {
  const { values, positionals } = parseStrict(argv);
  if (positionals.length > 0)
    throw usageError(`unexpected argument "${positionals[0]}" (see --help)`);
  const requestedServices =
    values.service === undefined ? undefined : listOf(values.service, 'service', serviceIds());
  const clauseIds =
    values.clause === undefined
      ? listClauseIds()
      : listOf(values.clause, 'clause', listClauseIds());
  return {
    requestedServices,
    clauseIds,
    reportDir: values['report-dir'] ?? 'lro-report',
    run: {
      target:
        values.target === undefined ? embeddedTarget(values) : urlTarget(values.target, values),
      services: requestedServices ?? serviceIds(),
      deadlineMs: millis(values.deadline, 'deadline', DEFAULT_DEADLINE_MS),
    },
  };
}

type ParsedValues = ReturnType<typeof parseStrict>['values'];

function embeddedTarget(values: ParsedValues): TargetConfig {
  if (values.control !== undefined) {
    throw usageError('--control needs --target (the embedded reference has its own)');
  }
  const cancelMode = values.cancel ?? 'honor';
  if (!(CANCEL_MODES as readonly string[]).includes(cancelMode)) {
    throw usageError(`--cancel must be one of ${CANCEL_MODES.join(', ')}, not "${cancelMode}"`);
  }
  return {
    kind: 'mock',
    cancelMode: cancelMode as (typeof CANCEL_MODES)[number],
    cancelDelayMs: millis(values['cancel-delay'], 'cancel-delay', 0),
    ...(values.fault === undefined ? {} : { fault: knownFault(values.fault) }),
  };
}

function urlTarget(target: string, values: ParsedValues): TargetConfig {
  for (const flag of ['cancel', 'cancel-delay', 'fault'] as const) {
    if (values[flag] !== undefined) {
      throw usageError(`--${flag} configures the embedded reference: drop it, or drop --target`);
    }
  }
  const baseUrl = httpUrl(target, 'target');
  return {
    kind: 'url',
    baseUrl,
    controlUrl: httpUrl(values.control ?? `${baseUrl}/__control`, 'control'),
    requestTimeoutMs: millis(values['request-timeout'], 'request-timeout', 10_000),
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
        'report-dir': { type: 'string' },
        cancel: { type: 'string' },
        'cancel-delay': { type: 'string' },
        fault: { type: 'string' },
        deadline: { type: 'string' },
        'request-timeout': { type: 'string' },
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

function listOf(text: string, flag: string, known: readonly string[]): string[] {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) throw usageError(`--${flag} needs at least one value`);
  const unknown = items.filter((item) => !known.includes(item));
  if (unknown.length > 0) {
    throw usageError(`unknown ${flag} "${unknown.join('", "')}" (known: ${known.join(', ')})`);
  }
  return [...new Set(items)];
}

function millis(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value))
    throw usageError(`--${flag} takes whole milliseconds, not "${text}"`);
  return value;
}

function httpUrl(text: string, flag: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usageError(`--${flag} must be an absolute http(s) URL, not "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usageError(`--${flag} must be an http(s) URL, not "${text}"`);
  }
  return text.replace(/\/+$/, '');
}
