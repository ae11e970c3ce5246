/**
 * The Markdown view of a run (matrix.md, and the Action's step summary): the run's facts and
 * verdict, then the failures first (finding-view.ts), grouped by cause: per group what was
 * expected and what came back in one line, each clause it breaks with its quote, the services
 * and the command that reruns it, the curl line for a target over HTTP, and, folded, the message
 * and one cell's exchanges; then the clause × service table and the warnings.
 *
 * GitHub renders this file as a step summary, so everything that comes from a target or a
 * results file (a `merge` may be given a crafted shard) is escaped to render as text:
 * markdownText and quotedText for prose, codeSpan for ids, fences longer than any backtick run
 * for bodies, and HTML escaping inside the `<details>` blocks, where Markdown is not parsed.
 * Every free-text field also goes through scrub.ts.
 */

import { plural } from '#base';
import { curlText, requestText, responseText } from './exchange-text.ts';
import { evidenceTitle, type FindingView, findingViews } from './finding-view.ts';
import { escapeHtml } from './html/html.ts';
import { codeSpan, fenced, markdownText, quotedText, tableText } from './markdown.ts';
import {
  cellLookup,
  countsLine,
  describeTarget,
  expectationLegend,
  expectationMark,
  NO_CELL,
  OUTCOME_WORDS,
  verdictSentence,
} from './matrix-view.ts';
import { reachableOverHttp } from './reproduction.ts';
import type { Exchange, RunResults } from './results-model.ts';
import { scrubText } from './scrub.ts';

export interface MatrixMarkdownOptions {
  /**
   * Fold each group's message and exchanges under it (default true). The Action leaves them out
   * when matrix.md is over GitHub's summary limit: they stay in the uploaded report.
   */
  readonly evidence?: boolean;
}

export const FINDINGS_HEADING = '## Failures and undecided cells, grouped by cause';

function exchangeMarkdown(exchange: Exchange, index: number, curl: boolean): string {
  const response = responseText(exchange);
  return [
    `**Exchange ${index + 1}**`,
    fenced('http', requestText(exchange)),
    response === undefined ? 'No response (transport failure).' : fenced('http', response),
    ...(curl ? [fenced('sh', curlText(exchange))] : []),
  ].join('\n\n');
}

/** The representative cell's message, warnings and exchanges, folded: they can be long. */
function evidenceDetails(view: FindingView, curl: boolean): string | undefined {
  const cell = view.group.representative;
  const title = evidenceTitle(cell);
  if (title === undefined) return undefined;
  const parts = [
    // Markdown is not parsed inside an HTML block: its text is escaped as HTML.
    `<details><summary>${escapeHtml(title)}</summary>`,
    ...(cell.message === undefined ? [] : [fenced('text', scrubText(cell.message))]),
    ...(cell.warnings ?? []).map((warning) => `Warning: ${markdownText(scrubText(warning))}`),
    ...(cell.evidence ?? []).map((exchange, i) => exchangeMarkdown(exchange, i, curl)),
    '</details>',
  ];
  return parts.join('\n\n');
}

function findingMarkdown(
  view: FindingView,
  index: number,
  options: Required<MatrixMarkdownOptions>,
  curl: boolean,
): string {
  const { group } = view;
  const parts = [
    `### ${index + 1}. ${OUTCOME_WORDS[group.outcome]} · ${plural(group.cells.length, 'cell')} · ${markdownText(view.line)}`,
  ];
  for (const clause of view.clauses) {
    const title = clause.info === undefined ? '' : `**${markdownText(clause.info.title)}** · `;
    const services = clause.services.map(markdownText).join(', ');
    parts.push(`${title}${codeSpan(clause.clause)} · ${clause.strength} · ${services}`);
    if (clause.info?.quote) parts.push(quotedText(clause.info.quote));
    if (clause.rerun !== undefined) {
      const where = markdownText(clause.services[0] ?? '');
      parts.push(`Reproduce on ${where}:`, fenced('sh', clause.rerun));
    }
  }
  if (view.curl !== undefined) {
    const cell = group.representative;
    parts.push(
      `The request it rests on (${markdownText(cell.service)} · ${codeSpan(cell.clause)}):`,
      fenced('sh', view.curl),
    );
  }
  const details = options.evidence ? evidenceDetails(view, curl) : undefined;
  if (details !== undefined) parts.push(details);
  return parts.join('\n\n');
}

function matrixTable(results: RunResults): string {
  const cellAt = cellLookup(results);
  const header = ['Clause', 'Strength', ...results.services.map(markdownText)];
  const rows = results.clauses.map((clause) => [
    tableText(codeSpan(clause.id)),
    clause.strength,
    ...results.services.map((service) => {
      const cell = cellAt(service, clause.id);
      if (cell === undefined) return NO_CELL;
      const word = `${OUTCOME_WORDS[cell.outcome]}${markdownText(expectationMark(cell))}`;
      return cell.outcome === 'FAIL' || cell.outcome === 'ERROR' ? `**${word}**` : word;
    }),
  ]);
  return [header, header.map(() => '---'), ...rows]
    .map((row) => `| ${row.join(' | ')} |`)
    .join('\n');
}

function runFacts(results: RunResults): string {
  return [
    `- Tool: ${markdownText(`${results.tool.name} ${results.tool.version}`)}`,
    `- Target: ${markdownText(scrubText(describeTarget(results)))}`,
    `- Started: ${markdownText(results.startedAt)} (${results.durationMs} ms)`,
    ...(results.shard ? [`- Shard: ${results.shard.index}/${results.shard.count}`] : []),
    `- Outcomes: ${countsLine(results)}`,
    `- Verdict: **${verdictSentence(results)}**`,
  ].join('\n');
}

export function renderMatrixMarkdown(
  results: RunResults,
  options: MatrixMarkdownOptions = {},
): string {
  const settled = { evidence: options.evidence ?? true };
  const views = findingViews(results);
  const inGroups = new Set(views.flatMap((view) => view.group.cells));
  const curl = reachableOverHttp(results.target);
  const sections = ['# Conformance results', runFacts(results)];
  if (results.interrupted) {
    sections.push('**Interrupted:** the run was stopped before every cell finished.');
  }
  if (results.problems?.length) {
    sections.push(
      '## Problems',
      results.problems.map((problem) => `- ${markdownText(scrubText(problem))}`).join('\n'),
    );
  }
  if (views.length > 0) {
    sections.push(
      `${FINDINGS_HEADING} (${views.length})`,
      ...views.map((view, index) => findingMarkdown(view, index, settled, curl)),
    );
  }
  sections.push('## Matrix', matrixTable(results));
  const legend = expectationLegend(results.results);
  if (legend !== undefined) sections.push(legend.split('\n').map(markdownText).join('  \n'));
  const warnings = results.results
    .filter((cell) => !inGroups.has(cell))
    .flatMap((cell) =>
      (cell.warnings ?? []).map(
        (warning) =>
          `- ${markdownText(cell.service)} · ${codeSpan(cell.clause)}: ${markdownText(scrubText(warning))}`,
      ),
    );
  if (warnings.length > 0) sections.push('## Warnings', warnings.join('\n'));
  return `${sections.join('\n\n')}\n`;
}
