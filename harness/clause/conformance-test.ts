/**
 * Registers one clause's test for every selected service and judges its cell: the one place where
 * a cell's outcome is decided from what its test did (docs/INTERPRETING.md,
 * docs/decisions/0012-cell-outcomes-and-run-rules.md). The suite's checks run, then the settle
 * re-read of every operation seen done. Only a ConformanceFailure is FAIL; NOT_APPLICABLE and
 * INCONCLUSIVE (outcome-signal.ts) end the test as a vitest skip with their reason; a clause the
 * run cannot serve (no control endpoint, no named operation) is SKIPPED with the flag that would
 * enable it; anything else thrown is ERROR. The judgement, every exchange as evidence, the
 * warnings and what the cancels showed about cancel support travel to the reporters in task
 * meta. Afterwards only the run-wide rules (reports/run-rules.ts) change a cell, and only a test
 * that never recorded a judgement falls back to vitest's own state (reports/collect-results.ts).
 */
import { describe, type TestContext, test } from 'vitest';
import { HarnessError, isLroError } from '#base';
import type { ClauseRequirement, ConformanceTaskMeta, Outcome } from '#reports';
import { scrubDeep, scrubText, shardOfCell } from '#reports';
import { serviceProfile } from '#specs';
import { clauseApplicability, type RunConfig } from '../plan/index.ts';
import { targetFor } from '../targets/index.ts';
import { type ClauseContext, type ClauseRun, createClauseRun } from './clause-context.ts';
import { currentRunConfig } from './current-run-config.ts';
import type { Clause } from './define-clause.ts';
import { isConformanceFailure, isOutcomeSignal } from './outcome-signal.ts';
import { withinTimeBudget } from './time-budget.ts';

/** What one test's cell ended with, and why. A verdict is the whole run's (reports/verdict.ts). */
interface CellJudgement {
  readonly outcome: Outcome;
  readonly message?: string;
  readonly rootCause?: string;
  readonly error?: unknown;
}

/** What `--probes-only` runs: the probes, and the reads of an operation named with --operation. */
const HARMLESS: readonly ClauseRequirement[] = ['nothing', 'operation'];

export function conformanceTest(
  clause: Clause,
  title: string,
  body: (t: ClauseContext) => Promise<void>,
): void {
  const run = currentRunConfig();
  if (run.strengths !== undefined && !run.strengths.includes(clause.info.strength)) return;
  if (run.probesOnly === true && !HARMLESS.includes(clause.info.requires)) return;
  const services = run.services.filter(
    (serviceId) =>
      run.shard === undefined ||
      shardOfCell(serviceId, clause.info.id, run.shard.count) === run.shard.index,
  );
  if (services.length === 0) return;
  describe(clause.info.id, () => {
    for (const serviceId of services) {
      const meta: ConformanceTaskMeta = { clause: clause.info, service: serviceId };
      // The harness bounds every test itself (time-budget.ts), so vitest's fixed timeout is off.
      test(`${serviceId}: ${title}`, { meta: { lro: meta }, timeout: 0 }, async (context) => {
        const judgement = await judgeCell(clause, serviceId, run, body, metaOf(context));
        record(metaOf(context), judgement);
        finish(context, judgement);
      });
    }
  });
}

async function judgeCell(
  clause: Clause,
  serviceId: string,
  run: RunConfig,
  body: (t: ClauseContext) => Promise<void>,
  meta: ConformanceTaskMeta,
): Promise<CellJudgement> {
  const { info } = clause;
  const applicability = clauseApplicability(info, profileOf(serviceId));
  if (applicability.kind === 'not-applicable') {
    return { outcome: 'NOT_APPLICABLE', message: applicability.reason };
  }
  if (applicability.kind === 'cannot-run') {
    return { outcome: 'SKIPPED', message: applicability.reason };
  }
  const missing = missingRequirement(info.requires, serviceId, run);
  if (missing !== undefined) return { outcome: 'SKIPPED', message: missing };

  const target = await targetFor(run.target, serviceId);
  const named = (names: Readonly<Record<string, string>>) => names[serviceId];
  const operation = named(run.capabilities.operations);
  const cancellable = named(run.capabilities.cancellable);
  const clauseRun = createClauseRun({
    service: profileOf(serviceId),
    target,
    deadlineMs: run.deadlineMs,
    settleMs: run.settleMs,
    requires: info.requires,
    ...(clause.expectedError ? { expectedError: clause.expectedError } : {}),
    ...(run.parents[serviceId] === undefined ? {} : { parent: run.parents[serviceId] }),
    ...(operation === undefined ? {} : { operation }),
    ...(cancellable === undefined ? {} : { cancellable }),
    ...(run.probeSeed === undefined ? {} : { probeSeed: run.probeSeed }),
  });
  try {
    return await withinTimeBudget(
      checkAndSettle(clauseRun, body, run.settleMs),
      () => target.timeBudgetMs(clauseRun.requestCount(), run.deadlineMs + run.settleMs),
      `${info.id} for ${serviceId}`,
    );
  } catch (error) {
    return judgementOfError(error);
  } finally {
    // Scrubbed here, with what this thread's scrubber learnt (tokens it obtained), before
    // anything leaves the worker; the main thread scrubs every output again.
    meta.evidence = scrubDeep([...clauseRun.context.exchanges]);
    if (clauseRun.context.warnings.length > 0) {
      meta.warnings = clauseRun.context.warnings.map(scrubText);
    }
    const support = clauseRun.cancelSupport();
    if (support !== undefined) meta.cancelSupport = support;
    const sent = target.requestsSent?.();
    if (sent !== undefined) meta.requestsSent = sent;
  }
}

/**
 * The suite's checks, then the follow-through of every accepted cancel (when the checks passed),
 * then the settle re-read; a settle failure outranks NOT_APPLICABLE.
 */
async function checkAndSettle(
  clauseRun: ClauseRun,
  body: (t: ClauseContext) => Promise<void>,
  settleMs: number,
): Promise<CellJudgement> {
  let notApplicable: CellJudgement | undefined;
  try {
    await body(clauseRun.context);
  } catch (error) {
    const judgement = judgementOfError(error);
    if (judgement.outcome !== 'NOT_APPLICABLE') return judgement;
    notApplicable = judgement;
  }
  // A clause with nothing to check (NOT_APPLICABLE) needs no follow-through of its cancels.
  if (notApplicable === undefined) {
    try {
      await clauseRun.followThrough();
    } catch (error) {
      return judgementOfError(error);
    }
  }
  await clauseRun.settle(settleMs);
  return notApplicable ?? { outcome: 'PASS' };
}

function judgementOfError(error: unknown): CellJudgement {
  if (isOutcomeSignal(error)) return { outcome: error.outcome, message: error.message };
  if (isConformanceFailure(error)) {
    return {
      outcome: 'FAIL',
      message: error.message,
      ...(error.rootCause === undefined ? {} : { rootCause: error.rootCause }),
      error,
    };
  }
  // Not a finding about the target: the harness, a suite or the plumbing failed (ERROR).
  const message = error instanceof Error ? error.message : String(error);
  const prefix = isLroError(error) || !(error instanceof Error) ? '' : `${error.name}: `;
  return { outcome: 'ERROR', message: `${prefix}${message}`, error };
}

/** Why the run cannot give this clause what it needs, naming the flag that would. */
function missingRequirement(
  requires: ClauseRequirement,
  serviceId: string,
  run: RunConfig,
): string | undefined {
  const { control, operations, cancellable } = run.capabilities;
  switch (requires) {
    case 'nothing':
      return undefined;
    case 'control':
      return control
        ? undefined
        : 'needs operations in known states: run against a target with a control endpoint (--control URL)';
    case 'operation':
      return control || operations[serviceId] !== undefined
        ? undefined
        : `needs an existing operation to read: add --operation ${serviceId}=NAME`;
    case 'cancellable-operation':
      return control || cancellable[serviceId] !== undefined
        ? undefined
        : `needs an operation it may cancel: add --allow-cancel ${serviceId}=NAME, or use a control endpoint`;
  }
}

function record(meta: ConformanceTaskMeta, judgement: CellJudgement): void {
  meta.outcome = judgement.outcome;
  if (judgement.message !== undefined) meta.message = scrubText(judgement.message);
  if (judgement.rootCause !== undefined) meta.rootCause = judgement.rootCause;
}

/**
 * Ends the vitest test the way the judgement reads: pass, fail, or skip with the reason. What
 * vitest carries to the reporters is scrubbed; an error keeps its name (reporters tell a
 * HarnessError by it), not its stack.
 */
function finish(context: TestContext, judgement: CellJudgement): void {
  const message = scrubText(judgement.message ?? '');
  switch (judgement.outcome) {
    case 'PASS':
      return;
    case 'FAIL':
    case 'ERROR': {
      const error = new Error(message);
      if (judgement.error instanceof Error) error.name = judgement.error.name;
      throw error;
    }
    default:
      context.skip(message);
  }
}

function metaOf(context: TestContext): ConformanceTaskMeta {
  const meta = context.task.meta.lro;
  if (!meta) throw new HarnessError(`test "${context.task.name}" lost its clause meta`);
  return meta;
}

function profileOf(serviceId: string) {
  const profile = serviceProfile(serviceId);
  if (!profile) throw new HarnessError(`unknown service "${serviceId}"`);
  return profile;
}
