/**
 * What the Action appends to `$GITHUB_STEP_SUMMARY`: the run's matrix.md (verdict, the
 * clause × service table, then the failures grouped by cause with their evidence). GitHub takes
 * at most 1 MiB of summary per step; a larger matrix.md keeps its table and lists the groups
 * without their evidence, which stays in the uploaded report.
 */
import { groupCoverage, groupFindings, OUTCOME_WORDS, type RunResults, scrubText } from '#reports';

/** GitHub's limit is 1 MiB per step; leave room for anything else the job appends. */
export const SUMMARY_LIMIT_BYTES = 1_000_000;

const FINDINGS_HEADING = '## Failures and undecided cells';

export function stepSummary(
  results: RunResults,
  matrixMarkdown: string,
  limit = SUMMARY_LIMIT_BYTES,
): string {
  if (Buffer.byteLength(matrixMarkdown) <= limit) return matrixMarkdown;
  const cut = matrixMarkdown.indexOf(FINDINGS_HEADING);
  const head = cut === -1 ? matrixMarkdown : matrixMarkdown.slice(0, cut);
  const groups = groupFindings(results);
  const compact = [
    head.trimEnd(),
    `${FINDINGS_HEADING}, grouped by cause (${groups.length})`,
    'The evidence of each group is in matrix.md and report.html in the uploaded report: this summary is limited to 1 MiB.',
    ...groups.map((group) => {
      const headline = scrubText(group.representative.message ?? '').split('\n')[0] ?? '';
      const cells = groupCoverage(group)
        .map(
          ({ clause, strength, services }) =>
            `  - \`${clause}\` (${strength}): ${services.join(', ')}`,
        )
        .join('\n');
      return `- **${OUTCOME_WORDS[group.outcome]}** · ${group.cells.length} cells · ${headline}\n${cells}`;
    }),
  ].join('\n\n');
  const text = `${compact}\n`;
  return Buffer.byteLength(text) <= limit
    ? text
    : `${Buffer.from(text)
        .subarray(0, limit - 100)
        .toString('utf8')}\n\n(cut at GitHub's summary limit)\n`;
}

/** The summary of a run that wrote no report (a usage error, an unreachable target). */
export function failedRunSummary(exitCode: number, complaint: string | undefined): string {
  return [
    '# Conformance results',
    `\`lro-conformance run\` exited ${exitCode} before writing a report${complaint ? `: ${scrubText(complaint)}` : ' (see the log)'}.`,
    '',
  ].join('\n\n');
}
