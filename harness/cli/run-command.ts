/**
 * `lro-conformance run`: runs the suites against a target (run-pipeline.ts) with progress on
 * stderr, prints the service × clause matrix (or results.json with `--reporter json`), what
 * changed since a baseline and what an expectations file says, and exits with the verdict
 * (docs/INTERPRETING.md). SIGINT, SIGTERM or SIGHUP (the terminal closed, the SSH session
 * dropped) stops the run cleanly: the partial report is written and the exit code is 130.
 */
import {
  diffResults,
  EXIT_CODE_OF_VERDICT,
  expectationFindings,
  ProgressReporter,
  renderChangesSinceBaseline,
  renderGroupedResultsDiff,
  renderMatrixText,
  streamUsesColor,
} from '#reports';
import { parseRunOptions, RUN_USAGE, type RunOptions } from '../options/index.ts';
import { type RunOutcome, runPipeline } from '../run/index.ts';

export const usage = RUN_USAGE;

/** The signals that stop a run with its partial report; SIGHUP's default would lose it. */
const INTERRUPTS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export async function main(argv: readonly string[]): Promise<number> {
  const options = parseRunOptions(argv);
  printCancels(options);
  const outcome = await runPipeline(options, {
    reporters: [new ProgressReporter({ color: streamUsesColor(process.stderr) })],
    interruptOn: INTERRUPTS,
    onNotice: (line) => process.stderr.write(`lro-conformance run: warning: ${line}\n`),
    // Not a complaint: the run goes on (or stops with its own line).
    onWaiting: (line) => process.stderr.write(`${line}\n`),
  });
  const { results, written } = outcome;
  if (options.reporter === 'json') {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    // With a baseline, only what changed since (--baseline's promise); the matrix is in matrix.md.
    process.stdout.write(
      outcome.baseline === undefined
        ? `${renderMatrixText(results, { color: streamUsesColor(process.stdout) })}\n`
        : `${renderChangesSinceBaseline(results, diffResults(outcome.baseline, results))}\n`,
    );
    // The CLI always writes a report; only runConformance may run without one.
    if (written !== undefined) {
      process.stdout.write(
        [
          `report: ${written.resultsJson}`,
          `        ${written.matrixMarkdown}`,
          `        ${written.junitXml}`,
          `        ${written.htmlReport}`,
          '',
        ].join('\n'),
      );
    }
  }
  if (results.requests !== undefined) {
    // On stderr, so `--reporter json` leaves stdout to results.json.
    process.stderr.write(`${requestsLine(results.requests, options)}\n`);
  }
  if (options.recordFile !== undefined) {
    // A replay has no control endpoint: say so now, not when someone tries to replay the file.
    const replayable = options.run.capabilities.control
      ? ' (not replayable: the run made operations through its control endpoint; record with --control none for a replayable session)'
      : '';
    process.stderr.write(`recorded: ${options.recordFile}${replayable}\n`);
  }
  printChanges(outcome, options);
  for (const problem of outcome.problems) process.stderr.write(`lro-conformance run: ${problem}\n`);
  if (results.interrupted && written !== undefined) {
    process.stderr.write(
      `lro-conformance run: interrupted; the partial report is in ${written.resultsJson}\n`,
    );
  }
  return EXIT_CODE_OF_VERDICT[results.summary.verdict];
}

/** The operations `--allow-cancel` names, before anything is sent: the user sees what will change. */
function printCancels(options: RunOptions): void {
  if (options.run.target.kind === 'replay') return;
  const { cancellable } = options.run.capabilities;
  for (const service of options.run.services) {
    const name = cancellable[service];
    if (name !== undefined)
      process.stderr.write(`will cancel (--allow-cancel), once: ${service} ${name}\n`);
  }
}

/** `requests sent: adsdatahub 11, checks 11 (cap 50 per service)`. */
function requestsLine(requests: Readonly<Record<string, number>>, options: RunOptions): string {
  const { target } = options.run;
  const counts = Object.entries(requests).map(([service, count]) => `${service} ${count}`);
  const cap =
    target.kind === 'live' && target.maxRequests !== undefined
      ? ` (cap ${target.maxRequests} per service)`
      : '';
  const verb = target.kind === 'replay' ? 'requests answered from the recording' : 'requests sent';
  return `${verb}: ${counts.join(', ')}${cap}`;
}

/**
 * What an expectations file says about this run, on stderr; and what changed since a baseline,
 * on stderr too when stdout carries results.json.
 */
function printChanges({ results, baseline, expectations }: RunOutcome, options: RunOptions): void {
  if (expectations !== undefined) {
    for (const finding of expectationFindings(results, expectations)) {
      const where = [finding.service, finding.clause].filter(Boolean).join(' ');
      const outcomes = `${finding.before ?? '?'} -> ${finding.after ?? 'no cell'}`;
      process.stderr.write(
        `lro-conformance run: ${finding.kind}: ${where} (${outcomes})${finding.detail ? `: ${finding.detail}` : ''}\n`,
      );
    }
  }
  if (baseline !== undefined && options.reporter === 'json') {
    process.stderr.write(
      renderGroupedResultsDiff(diffResults(baseline, results), 'text', {
        allHint: 'lro-conformance diff --all',
      }),
    );
  }
}
