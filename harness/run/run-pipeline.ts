/**
 * One conformance run from options to a results document, shared by `lro-conformance run` and
 * the programmatic `runConformance`: check the report directory and the target before any test,
 * run the suites (stopping cleanly on the signals the caller names), build the results (where the run-wide
 * rules apply: cancel support and the expectations file, reports/run-rules.ts), and write the
 * report. An earlier run's report stays where it is until the new one is complete: writeReport
 * replaces the files only once every one of them is rendered (reports/write-report.ts), so a run
 * that fails on the way leaves the last good report, not none. Printing is the caller's business.
 */
import { resolve } from 'node:path';
import type { Reporter } from 'vitest/node';
import { HarnessError, readPackageVersion, usageError } from '#base';
import {
  buildRunResults,
  type CollectedRun,
  ConformanceReporter,
  checkRecordFile,
  checkReportDir,
  type Expectation,
  loadExpectations,
  preloadReportRenderers,
  type ReportPaths,
  type RunResults,
  readResults,
  writeReport,
} from '#reports';
import { serviceIds } from '#specs';
import { FLAG_TERMS, mswServices, type OptionTerms, type RunOptions } from '../options/index.ts';
import type { RunConfig } from '../plan/index.ts';
import { targetInfo } from '../plan/index.ts';
import { prepareCredentials } from './credentials-preflight.ts';
import { preflight, selectServices } from './preflight.ts';
import { recordSession } from './record-session.ts';
import { rerunArguments } from './rerun-arguments.ts';
import { runSuites } from './run-suites.ts';

export interface RunOutcome {
  readonly results: RunResults;
  /** Where the report was written; undefined when the caller asked for none. */
  readonly written: ReportPaths | undefined;
  readonly problems: readonly string[];
  readonly baseline: RunResults | undefined;
  readonly expectations: readonly Expectation[] | undefined;
}

export interface PipelineHooks {
  /** More vitest reporters (progress). */
  readonly reporters?: readonly Reporter[];
  /** Stop the run when these signals arrive (the CLI passes SIGINT, SIGTERM and SIGHUP). */
  readonly interruptOn?: readonly NodeJS.Signals[];
  /** Warnings found before the run starts (credentials that cannot ask for a scope). */
  readonly onNotice?: (line: string) => void;
  /** What the run waits for before it starts (a target that is still starting), for people. */
  readonly onWaiting?: (line: string) => void;
  /**
   * Write the report to `options.reportDir` (default true). `runConformance` without a
   * `reportDir` writes none: its caller has the results object.
   */
  readonly writeReport?: boolean;
  /**
   * How messages name the options: the CLI's flags (default), or runConformance's option names,
   * so a mistake found here reads as one found while checking the options.
   */
  readonly terms?: OptionTerms;
}

export async function runPipeline(
  options: RunOptions,
  hooks: PipelineHooks = {},
): Promise<RunOutcome> {
  const terms = hooks.terms ?? FLAG_TERMS;
  const reportDir = hooks.writeReport === false ? undefined : resolve(options.reportDir);
  const reportDirOption = terms.name('reportDir');
  const problem =
    reportDir === undefined ? undefined : await checkReportDir(reportDir, reportDirOption);
  if (problem !== undefined) {
    throw usageError(`${reportDirOption} ${options.reportDir}: ${problem}`);
  }
  if (options.recordFile !== undefined) {
    const recordOption = terms.name('record');
    const unwritable = await checkRecordFile(options.recordFile, recordOption);
    if (unwritable !== undefined) throw usageError(`${recordOption}: ${unwritable}`);
  }
  const expectations =
    options.expectationsFile === undefined ? undefined : loadExpectations(options.expectationsFile);
  const baseline =
    options.baselineFile === undefined ? undefined : readResults(options.baselineFile, 'baseline');
  const run = await withServedServices(options, terms, hooks.onWaiting);
  for (const notice of await prepareCredentials(run)) hooks.onNotice?.(notice);

  let collected: CollectedRun | undefined;
  let stopped: string | undefined;
  const reporter = new ConformanceReporter({
    onCollected: (done) => {
      collected = done;
    },
    unfinished: () => (stopped === undefined ? undefined : { outcome: 'ERROR', message: stopped }),
  });
  // The report renderers load while the worker thread runs the suites, not before it starts.
  const preload: Reporter[] =
    reportDir === undefined ? [] : [{ onTestModuleQueued: () => preloadReportRenderers() }];
  const interrupt = interruptOn(hooks.interruptOn ?? []);
  try {
    const problems = await runSuites({
      run,
      clauseIds: options.clauseIds,
      reporters: [reporter, ...preload, ...(hooks.reporters ?? [])],
      cancelWhen: interrupt.signal,
      onWedged: (message) => {
        stopped = message;
      },
    });
    if (!collected) {
      throw new HarnessError('the suites did not report any result (see the lines above)');
    }
    if (collected.cells.length === 0 && problems.length === 0 && !interrupt.fired) {
      const selection = (['clauses', 'strengths', 'services', 'shard'] as const).map(terms.name);
      throw usageError(`the selection (${selection.join(', ')}) matches no cell`);
    }
    const results = resultsOf(collected, run, options, problems, interrupt.fired, expectations);
    const written = reportDir === undefined ? undefined : await writeReport(reportDir, results);
    if (options.recordFile !== undefined) await recordSession(options.recordFile, results, run);
    return { results, written, problems, baseline, expectations };
  } finally {
    interrupt.dispose();
  }
}

/**
 * For a URL target: preflight, then the services the target says it serves. For a handlers
 * module: import and check it here, then the services it says it serves.
 */
async function withServedServices(
  options: RunOptions,
  terms: OptionTerms,
  onWaiting: ((line: string) => void) | undefined,
): Promise<RunConfig> {
  const { run } = options;
  // The services of a user's documents (or the catalogue) must be served; the seeds, if served.
  const requested =
    options.requestedServices ?? (run.profiles === undefined ? undefined : run.services);
  if (run.target.kind === 'msw') {
    return {
      ...run,
      services: await mswServices(run.target, requested, run.services, terms),
    };
  }
  if (run.target.kind !== 'url') return run;
  const { servedServices, roundTripMs } = await preflight({
    baseUrl: run.target.baseUrl,
    controlUrl: run.target.controlUrl,
    timeoutMs: run.target.requestTimeoutMs,
    maxAnswerBytes: run.target.maxAnswerBytes,
    probeService: run.services[0] ?? serviceIds()[0] ?? 'checks',
    controlOption: terms.name('control'),
    waitMs: options.waitForTargetMs ?? 0,
    waitOption: terms.name('waitForTargetMs'),
    ...(onWaiting === undefined ? {} : { onWaiting }),
  });
  return {
    ...run,
    // The preflight's round trip sets the request timeout of a slow target from the start.
    target: { ...run.target, roundTripMs },
    services: selectServices(requested, run.services, servedServices),
  };
}

/**
 * The run's results document. buildRunResults applies the run-wide rules (reports/run-rules.ts:
 * cancel support, then the expectations file when one was given) to the collected cells.
 */
function resultsOf(
  collected: CollectedRun,
  run: RunConfig,
  options: RunOptions,
  problems: readonly string[],
  interrupted: boolean,
  expectations: readonly Expectation[] | undefined,
): RunResults {
  return buildRunResults({
    ...collected,
    ...(expectations === undefined
      ? {}
      : { expectations: { entries: expectations, today: new Date() } }),
    services: run.services,
    target: targetInfo(run.target),
    toolVersion: readPackageVersion(),
    ...(options.runId === undefined ? {} : { runId: options.runId }),
    settings: {
      deadlineMs: run.deadlineMs,
      settleMs: run.settleMs,
      ...(options.requestTimeoutMs === undefined
        ? {}
        : { requestTimeoutMs: options.requestTimeoutMs }),
      failOn: options.failOn,
      ...(options.probesOnly ? { probesOnly: true } : {}),
    },
    problems,
    interrupted,
    ...(run.shard === undefined ? {} : { shard: run.shard }),
    rerun: rerunArguments(run),
  });
}

/** An AbortSignal that fires on the first of `signals`; the process keeps running to report. */
function interruptOn(signals: readonly NodeJS.Signals[]) {
  const controller = new AbortController();
  const stop = () => controller.abort();
  for (const signal of signals) process.once(signal, stop);
  return {
    signal: controller.signal,
    get fired() {
      return controller.signal.aborted;
    },
    dispose() {
      for (const signal of signals) process.off(signal, stop);
    },
  };
}
