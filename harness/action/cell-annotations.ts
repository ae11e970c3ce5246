/**
 * One annotation per cell that keeps the run from passing (`::error`, by the exit policy of
 * reports/verdict.ts, `--fail-on` included), one `::warning` per other FAIL (a SHOULD failure the
 * run does not score), and one `::error` per problem that kept a suite from running. Each names
 * the finding in one line (what was expected, what came back), the clause's sentence and the
 * command that reruns the cell, as the reports lead with them. Messages go through the
 * credential scrubber like every other output; workflow-commands.ts escapes them as plain text.
 */
import {
  type CellResult,
  cellFindingLine,
  judgeResults,
  OUTCOME_WORDS,
  type RunResults,
  rerunCommand,
  scrubText,
} from '#reports';
import { type AnnotationLevel, annotation } from './workflow-commands.ts';

/** The annotation names the finding; its evidence is in the report. */
const MAX_MESSAGE = 2_000;

function cellAnnotation(
  level: AnnotationLevel,
  cell: CellResult,
  results: RunResults,
  file: string,
): string {
  const quote = results.clauses.find((clause) => clause.id === cell.clause)?.quote.trim();
  const rerun = rerunCommand(results, cell);
  const message = [
    cellFindingLine(cell),
    ...(quote ? [`The clause: “${quote}”`] : []),
    ...(rerun === undefined ? [] : [`Reproduce: ${rerun}`]),
  ].join('\n');
  return annotation(
    level,
    message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message,
    {
      title: `${OUTCOME_WORDS[cell.outcome]} ${cell.service} ${cell.clause} (${cell.strength})`,
      file,
    },
  );
}

/** The workflow command lines for `results`; `file` is where the runner attaches them. */
export function cellAnnotations(results: RunResults, file: string): string[] {
  const judgement = judgeResults(results);
  const counted = new Set([...judgement.failing, ...judgement.errors, ...judgement.unverified]);
  const lines = results.results
    .filter((cell) => counted.has(cell))
    .map((cell) => cellAnnotation('error', cell, results, file));
  for (const cell of results.results) {
    if (cell.outcome === 'FAIL' && !counted.has(cell)) {
      lines.push(cellAnnotation('warning', cell, results, file));
    }
  }
  for (const problem of results.problems ?? []) {
    lines.push(annotation('error', scrubText(problem), { title: 'lro-conformance run', file }));
  }
  return lines;
}
