/**
 * Registers one clause's test for every selected service. Clause and service travel to the
 * reporters in vitest task meta; the verdict lands there too: PASS, FAIL (with the exchanges
 * as evidence), NOT_APPLICABLE / INCONCLUSIVE (the test is skipped with the reason), or ERROR
 * for a HarnessError (docs/INTERPRETING.md).
 */
import { describe, type TestContext, test } from 'vitest';
import type { ConformanceTaskMeta } from '#reports';
import { serviceProfile } from '#specs';
import { HarnessError, isHarnessError } from '../targets/harness-error.ts';
import { createMockTarget } from '../targets/mock-target.ts';
import type { Target } from '../targets/target.ts';
import { createUrlTarget } from '../targets/url-target.ts';
import { type ClauseContext, createClauseContext } from './clause-context.ts';
import type { Clause } from './define-clause.ts';
import { isOutcomeSignal } from './outcome-signal.ts';
import { currentRunConfig, type RunConfig } from './run-config.ts';

export function conformanceTest(
  clause: Clause,
  title: string,
  body: (t: ClauseContext) => Promise<void>,
): void {
  const run = currentRunConfig();
  describe(clause.info.id, () => {
    for (const serviceId of run.services) {
      const meta: ConformanceTaskMeta = { clause: clause.info, service: serviceId };
      test(`${serviceId}: ${title}`, { meta: { lro: meta } }, async (context) => {
        const verdict = verdictOf(context);
        const applies = clause.info.services === 'all' || clause.info.services.includes(serviceId);
        if (!applies) {
          settle(
            verdict,
            context,
            'NOT_APPLICABLE',
            `the clause applies to ${String(clause.info.services)} only`,
          );
        }
        const t = createClauseContext({
          service: profileOf(serviceId),
          target: targetFor(run),
          deadlineMs: run.deadlineMs,
          ...(clause.expectedError ? { expectedError: clause.expectedError } : {}),
        });
        try {
          await body(t);
        } catch (error) {
          verdict.evidence = [...t.exchanges];
          if (isOutcomeSignal(error)) settle(verdict, context, error.outcome, error.message);
          verdict.outcome = isHarnessError(error) ? 'ERROR' : 'FAIL';
          verdict.message = error instanceof Error ? error.message : String(error);
          throw error;
        } finally {
          if (t.warnings.length > 0) verdict.warnings = [...t.warnings];
        }
      });
    }
  });
}

function verdictOf(context: TestContext): ConformanceTaskMeta {
  const verdict = context.task.meta.lro;
  if (!verdict) throw new HarnessError(`test "${context.task.name}" lost its clause meta`);
  return verdict;
}

function settle(
  verdict: ConformanceTaskMeta,
  context: TestContext,
  outcome: 'NOT_APPLICABLE' | 'INCONCLUSIVE',
  message: string,
): never {
  verdict.outcome = outcome;
  verdict.message = message;
  return context.skip(message);
}

function profileOf(serviceId: string) {
  const profile = serviceProfile(serviceId);
  if (!profile) throw new HarnessError(`unknown service "${serviceId}"`);
  return profile;
}

let sharedUrlTarget: Target | undefined;

/** Mock targets are made per test (own state, own clock); a URL target is shared, operations are not. */
function targetFor(run: RunConfig): Target {
  if (run.target.kind === 'mock') return createMockTarget(run.target);
  sharedUrlTarget ??= createUrlTarget(run.target);
  return sharedUrlTarget;
}
