/**
 * The one check of a run's options, for both front doors: the values the command line
 * (cli-run-values.ts) or runConformance (api-run-values.ts) gave, checked against the known
 * services, clauses, faults and against each other, and turned into the RunOptions the pipeline
 * takes (harness/run/run-pipeline.ts). Every mistake becomes one line that names the option as
 * its caller wrote it (option-terms.ts) and says how to fix it (exit 2).
 */
import { usageError } from '#base';
import { FAIL_ON, type FailOn, type Strength } from '#reports';
import { seedServiceIds, serviceIds } from '#specs';
import { CANCEL_MODES, CONTROL_PATH } from '../control/index.ts';
import type { TargetConfig } from '../plan/index.ts';
import { EMBEDDED_SETTLE_MS, listClauseIds, type RunConfig, URL_SETTLE_MS } from '../plan/index.ts';
import {
  REFERENCE_FAULTS,
  REFERENCE_VARIANTS,
  referenceFault,
  referenceVariant,
} from '../reference/index.ts';
import { parseChoice, parseHttpUrl } from './args.ts';
import { matchesGlob } from './clause-glob.ts';
import { cliRunValues } from './cli-run-values.ts';
import { liveRunParts } from './live-options.ts';
import { isMswTargetOption, mswTargetConfig } from './msw-target-option.ts';
import { FLAG_TERMS, type OptionTerms } from './option-terms.ts';
import { RUN_OPTIONS, type RunOptionName, type RunOptionValues } from './run-option-table.ts';
import { runProfiles } from './run-profiles.ts';

const STRENGTHS: readonly Strength[] = ['MUST', 'SHOULD', 'observed'];
const REPORTERS = ['text', 'json'] as const;

export interface RunOptions {
  readonly run: RunConfig;
  /** Services named with --service; undefined = let the target decide. */
  readonly requestedServices: readonly string[] | undefined;
  readonly clauseIds: readonly string[];
  readonly reportDir: string;
  readonly reporter: (typeof REPORTERS)[number];
  readonly failOn: readonly FailOn[];
  /** Judge the run on its probes (`--probes-only`); the run config selects only them. */
  readonly probesOnly: boolean;
  /** The request timeout over HTTP, for the report's settings. */
  readonly requestTimeoutMs?: number;
  /** How long the preflight waits for a URL target that refuses connections (still starting). */
  readonly waitForTargetMs?: number;
  /** Known deviations to apply (`--expectations FILE`). */
  readonly expectationsFile?: string;
  /** An earlier results.json to compare with at the end (`--baseline FILE`). */
  readonly baselineFile?: string;
  /** Where to write the session as HAR after the run (`--record FILE.har`). */
  readonly recordFile?: string;
  /** The caller's id for the run, written to results.json (`--run-id`). */
  readonly runId?: string;
}

/** `lro-conformance run` arguments, read and checked. */
export function parseRunOptions(argv: readonly string[]): RunOptions {
  return runOptionsOf(cliRunValues(argv), FLAG_TERMS);
}

export function runOptionsOf(values: RunOptionValues, terms: OptionTerms): RunOptions {
  // First: the services the run adds are known to every check below (`--service` among them).
  const profiles = runProfiles(values, terms);
  const requestedServices =
    values.services === undefined ? undefined : knownServices(values.services);
  const requestTimeoutMs = values.requestTimeoutMs ?? RUN_OPTIONS.requestTimeoutMs.default;
  const live = liveRunParts(values, requestedServices, requestTimeoutMs, terms);
  if (live.target !== undefined) {
    noReferenceOptions(values, live.target.kind === 'live' ? 'live' : 'target', terms);
  }
  const chosen =
    live.target ??
    (values.target === undefined
      ? embeddedTarget(values, terms)
      : isMswTargetOption(values.target)
        ? mswTargetConfig(values.target, values, terms)
        : {
            ...urlTarget(values.target, values, requestTimeoutMs, terms),
            ...(live.urlAuth ? { auth: live.urlAuth } : {}),
          });
  const target: TargetConfig =
    values.maxAnswerBytes === undefined
      ? chosen
      : { ...chosen, maxAnswerBytes: values.maxAnswerBytes };
  if (values.waitForTargetMs !== undefined && target.kind !== 'url') {
    throw usageError(
      `${terms.name('waitForTargetMs')} needs ${terms.name('target')} URL (only a target over HTTP can still be starting)`,
    );
  }
  const strengths =
    values.strengths === undefined ? undefined : strengthsOf(values.strengths, terms);
  const probesOnly = values.probesOnly === true;
  if (probesOnly) onlyProbesAsked(values, terms);
  return {
    requestedServices: live.services ?? requestedServices,
    clauseIds: values.clauses === undefined ? listClauseIds() : clausesOf(values.clauses),
    reportDir: values.reportDir ?? RUN_OPTIONS.reportDir.default,
    reporter: parseChoice(
      terms.name('reporter'),
      values.reporter ?? RUN_OPTIONS.reporter.default,
      REPORTERS,
    ),
    failOn: (values.failOn ?? []).map((item) => parseChoice(terms.name('failOn'), item, FAIL_ON)),
    probesOnly,
    ...('requestTimeoutMs' in target ? { requestTimeoutMs: target.requestTimeoutMs } : {}),
    ...(target.kind === 'url'
      ? { waitForTargetMs: values.waitForTargetMs ?? RUN_OPTIONS.waitForTargetMs.default }
      : {}),
    ...(values.expectations === undefined ? {} : { expectationsFile: values.expectations }),
    ...(values.baseline === undefined ? {} : { baselineFile: values.baseline }),
    ...(live.recordFile === undefined ? {} : { recordFile: live.recordFile }),
    ...(values.runId === undefined ? {} : { runId: runIdOf(values.runId, terms) }),
    run: {
      target,
      services:
        live.services ??
        requestedServices ??
        (profiles.length > 0 ? profiles.map((profile) => profile.id) : seedServiceIds()),
      deadlineMs: live.deadlineMs ?? values.deadlineMs ?? RUN_OPTIONS.deadlineMs.default,
      settleMs:
        live.settleMs ??
        values.settleMs ??
        (target.kind === 'embedded' ? EMBEDDED_SETTLE_MS : URL_SETTLE_MS),
      capabilities: {
        control:
          target.kind === 'embedded' ||
          target.kind === 'msw' ||
          (target.kind === 'url' && target.controlUrl !== undefined),
        operations: live.operations,
        cancellable: live.cancellable,
      },
      parents: live.parents,
      probeSeed: live.probeSeed,
      ...(strengths === undefined ? {} : { strengths }),
      ...(probesOnly ? { probesOnly: true } : {}),
      ...(values.shard === undefined ? {} : { shard: values.shard }),
      ...(profiles.length === 0 ? {} : { profiles }),
    },
  };
}

/** `--probes-only` runs nothing that changes an operation: a cancel is no probe. */
function onlyProbesAsked(values: RunOptionValues, terms: OptionTerms): void {
  if (values.allowCancel !== undefined && Object.keys(values.allowCancel).length > 0) {
    throw usageError(
      `${terms.name('probesOnly')} runs only requests that harm nothing, and a cancel is none: drop ${terms.name('allowCancel')}, or drop ${terms.name('probesOnly')}`,
    );
  }
}

function embeddedTarget(values: RunOptionValues, terms: OptionTerms): TargetConfig {
  for (const option of ['control', 'requestTimeoutMs'] as const) {
    if (values[option] !== undefined) {
      throw usageError(
        `${terms.name(option)} needs ${terms.name('target')} (the embedded reference has its own)`,
      );
    }
  }
  return {
    kind: 'embedded',
    cancelMode: parseChoice(
      terms.name('cancelMode'),
      values.cancelMode ?? RUN_OPTIONS.cancelMode.default,
      CANCEL_MODES,
    ),
    cancelDelayMs: values.cancelDelayMs ?? RUN_OPTIONS.cancelDelayMs.default,
    ...(values.fault === undefined ? {} : { fault: knownFault(values.fault) }),
    ...(values.variant === undefined ? {} : { variant: knownVariant(values.variant) }),
  };
}

/** The options that configure the embedded reference, refused for any other target. */
function noReferenceOptions(
  values: RunOptionValues,
  instead: RunOptionName,
  terms: OptionTerms,
): void {
  for (const option of ['cancelMode', 'cancelDelayMs', 'fault', 'variant'] as const) {
    if (values[option] !== undefined) {
      throw usageError(
        `${terms.name(option)} configures the embedded reference: drop it, or drop ${terms.name(instead)}`,
      );
    }
  }
}

function urlTarget(
  target: string,
  values: RunOptionValues,
  requestTimeoutMs: number,
  terms: OptionTerms,
): Extract<TargetConfig, { kind: 'url' }> {
  noReferenceOptions(values, 'target', terms);
  const baseUrl = parseHttpUrl(terms.name('target'), target);
  const control = values.control ?? `${baseUrl}${CONTROL_PATH}`;
  return {
    kind: 'url',
    baseUrl,
    ...(control === 'none' ? {} : { controlUrl: parseHttpUrl(terms.name('control'), control) }),
    requestTimeoutMs,
  };
}

function knownServices(items: readonly string[]): readonly string[] {
  const known = serviceIds();
  const unknown = items.filter((item) => !known.includes(item));
  if (unknown.length > 0) {
    throw usageError(`unknown service "${unknown.join('", "')}" (known: ${known.join(', ')})`);
  }
  return items;
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

/** Clause ids and globs; every glob must match some clause. Keeps the catalogue's order. */
function clausesOf(patterns: readonly string[]): string[] {
  const known = listClauseIds();
  for (const pattern of patterns) {
    if (!known.some((id) => matchesGlob(id, pattern))) {
      throw usageError(
        `unknown clause "${pattern}" (no clause id matches; see lro-conformance list)`,
      );
    }
  }
  return known.filter((id) => patterns.some((pattern) => matchesGlob(id, pattern)));
}

/** `must`, `MUST`: strengths are matched without regard to case. */
function strengthsOf(items: readonly string[], terms: OptionTerms): Strength[] {
  return items.map((item) => {
    const strength = STRENGTHS.find((candidate) => candidate.toLowerCase() === item.toLowerCase());
    if (strength === undefined) {
      throw usageError(
        `unknown ${terms.name('strengths')} value "${item}" (allowed: must, should, observed)`,
      );
    }
    return strength;
  });
}

/** A run id travels in results.json and in file names a caller may build from it. */
function runIdOf(text: string, terms: OptionTerms): string {
  if (!/^[A-Za-z0-9._:-]{1,128}$/.test(text)) {
    throw usageError(
      `${terms.name('runId')} takes 1 to 128 letters, digits, dots, underscores, colons or hyphens; got "${text}"`,
    );
  }
  return text;
}
