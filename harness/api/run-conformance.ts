/**
 * `runConformance(options)`: one conformance run from a program (docs/API.md), the same run
 * `lro-conformance run` makes (harness/run/run-pipeline.ts), resolving to the results document
 * results.json holds. It prints nothing; it writes the report only when given a `reportDir`.
 * The options are read by the option table's shapes and checked by the same function as the
 * CLI's flags (harness/options/run-options.ts), with messages that name the options; options the
 * CLI would refuse reject with an LroError (base/errors.ts) carrying its code and the CLI's exit
 * code. A run that happens resolves, whatever its verdict: `exitCodeOf(results)` gives the CLI's
 * code.
 */
import type { RunResults } from '#reports';
import { EXIT_CODE_OF_VERDICT } from '#reports';
import {
  apiRunValues,
  OPTION_NAME_TERMS,
  type RunConformanceOptions,
  runOptionsOf,
} from '../options/index.ts';
import { runPipeline } from '../run/index.ts';

export async function runConformance(options: RunConformanceOptions = {}): Promise<RunResults> {
  const runOptions = runOptionsOf(apiRunValues(options), OPTION_NAME_TERMS);
  const outcome = await runPipeline(runOptions, {
    writeReport: options.reportDir !== undefined,
    terms: OPTION_NAME_TERMS,
  });
  return outcome.results;
}

/** The exit code `lro-conformance run` gives these results (docs/INTERPRETING.md). */
export function exitCodeOf(results: RunResults): number {
  return EXIT_CODE_OF_VERDICT[results.summary.verdict];
}
