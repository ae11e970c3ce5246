/**
 * `runConformance(options)`: one conformance run from a program (docs/API.md), the same run
 * `lro-conformance run` makes (harness/run/run-pipeline.ts), resolving to the results document
 * results.json holds. It prints nothing; it writes the report only when given a `reportDir`.
 * Options the CLI would refuse reject with an LroError (base/errors.ts) carrying its code and the
 * CLI's exit code;
 * a run that happens resolves, whatever its verdict: `exitCodeOf(results)` gives the CLI's code.
 */
import { isLroError, LroError } from '#base';
import type { RunResults } from '#reports';
import { EXIT_CODE_OF_VERDICT } from '#reports';
import { inOptionTerms, type RunConformanceOptions, runArgsOf } from '../options/api-options.ts';
import { parseRunOptions } from '../options/run-options.ts';
import { runPipeline } from '../run/run-pipeline.ts';

export async function runConformance(options: RunConformanceOptions = {}): Promise<RunResults> {
  const args = runArgsOf(options);
  try {
    const outcome = await runPipeline(parseRunOptions(args), {
      writeReport: options.reportDir !== undefined,
    });
    return outcome.results;
  } catch (error) {
    // The same error, its message in the API's words: options, not flags.
    if (isLroError(error)) {
      throw new LroError(error.code, inOptionTerms(error.message), { cause: error });
    }
    throw error;
  }
}

/** The exit code `lro-conformance run` gives these results (docs/INTERPRETING.md). */
export function exitCodeOf(results: RunResults): number {
  return EXIT_CODE_OF_VERDICT[results.summary.verdict];
}
