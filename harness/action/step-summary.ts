/**
 * What the Action appends to `$GITHUB_STEP_SUMMARY`: the run's matrix.md (verdict, the failures
 * grouped by cause with their quotes and reproductions, the clause × service table), which
 * escapes every text from a target or a results file (reports/render-matrix-markdown.ts). GitHub
 * takes at most 1 MiB of summary per step; a larger matrix.md is rendered again without the
 * folded messages and exchanges, which stay in the uploaded report.
 */
import { markdownText, type RunResults, renderMatrixMarkdown, scrubText } from '#reports';

/** GitHub's limit is 1 MiB per step; leave room for anything else the job appends. */
export const SUMMARY_LIMIT_BYTES = 1_000_000;

const TITLE = '# Conformance results';

export function stepSummary(
  results: RunResults,
  matrixMarkdown: string,
  limit = SUMMARY_LIMIT_BYTES,
): string {
  if (Buffer.byteLength(matrixMarkdown) <= limit) return matrixMarkdown;
  const compact = renderMatrixMarkdown(results, { evidence: false }).replace(
    TITLE,
    `${TITLE}\n\nThe messages and exchanges of each failure are in matrix.md and report.html in the uploaded report: this summary is limited to 1 MiB.`,
  );
  return Buffer.byteLength(compact) <= limit
    ? compact
    : `${Buffer.from(compact)
        .subarray(0, limit - 100)
        .toString('utf8')}\n\n(cut at GitHub's summary limit)\n`;
}

/** The summary of a run that wrote no report (a usage error, an unreachable target). */
export function failedRunSummary(exitCode: number, complaint: string | undefined): string {
  return [
    TITLE,
    `\`lro-conformance run\` exited ${exitCode} before writing a report${complaint ? `: ${markdownText(scrubText(complaint))}` : ' (see the log)'}.`,
    '',
  ].join('\n\n');
}
