/**
 * The Markdown view of a run (matrix.md): the clause × service table, then the failed or
 * undecided cells grouped by cause (group-findings.ts): per group the cells it covers, each
 * clause's quote, the message and one cell's exchanges as request and response blocks plus
 * their curl lines. Every free-text field goes through scrub.ts.
 */

import { plural } from '#base';
import { curlText, requestText, responseText } from './exchange-text.ts';
import { type FindingGroup, groupCoverage, groupFindings } from './group-findings.ts';
import { blockquote, fenced, tableText } from './markdown.ts';
import {
  cellLookup,
  countsLine,
  describeTarget,
  NO_CELL,
  OUTCOME_WORDS,
  verdictSentence,
} from './matrix-view.ts';
import type { ClauseInfo, Exchange, RunResults } from './results-model.ts';
import { scrubText } from './scrub.ts';

function exchangeMarkdown(exchange: Exchange, index: number): string {
  const response = responseText(exchange);
  return [
    `**Exchange ${index + 1}**`,
    fenced('http', requestText(exchange)),
    response === undefined ? 'No response (transport failure).' : fenced('http', response),
    fenced('sh', curlText(exchange)),
  ].join('\n\n');
}

function groupDetails(group: FindingGroup, clauses: ReadonlyMap<string, ClauseInfo>): string {
  const cell = group.representative;
  const headline = scrubText(cell.message ?? '(no message)').split('\n')[0] ?? '';
  const count = group.cells.length;
  const parts = [
    `### ${OUTCOME_WORDS[group.outcome]} · ${plural(count, 'cell')} · ${tableText(headline)}`,
    groupCoverage(group)
      .map(
        ({ clause, strength, services }) => `- \`${clause}\` (${strength}): ${services.join(', ')}`,
      )
      .join('\n'),
  ];
  for (const id of group.clauses) {
    const clause = clauses.get(id);
    if (clause !== undefined) {
      parts.push(`${clause.title} (\`${id}\`, ${clause.strength})`, blockquote(clause.quote));
    }
  }
  if (cell.message !== undefined) parts.push(fenced('text', scrubText(cell.message)));
  for (const warning of cell.warnings ?? []) parts.push(`Warning: ${scrubText(warning)}`);
  const evidence = cell.evidence ?? [];
  if (evidence.length > 0) {
    parts.push(`Evidence from ${cell.service} · \`${cell.clause}\`:`);
    evidence.forEach((exchange, i) => {
      parts.push(exchangeMarkdown(exchange, i));
    });
  }
  return parts.join('\n\n');
}

function matrixTable(results: RunResults): string {
  const cellAt = cellLookup(results);
  const header = ['Clause', 'Strength', ...results.services];
  const rows = results.clauses.map((clause) => [
    `\`${clause.id}\``,
    clause.strength,
    ...results.services.map((service) => {
      const cell = cellAt(service, clause.id);
      if (cell === undefined) return NO_CELL;
      const word = OUTCOME_WORDS[cell.outcome];
      return cell.outcome === 'FAIL' || cell.outcome === 'ERROR' ? `**${word}**` : word;
    }),
  ]);
  return [header, header.map(() => '---'), ...rows]
    .map((row) => `| ${row.map(tableText).join(' | ')} |`)
    .join('\n');
}

function runFacts(results: RunResults): string {
  return [
    `- Tool: ${results.tool.name} ${results.tool.version}`,
    `- Target: ${tableText(scrubText(describeTarget(results)))}`,
    `- Started: ${results.startedAt} (${results.durationMs} ms)`,
    ...(results.shard ? [`- Shard: ${results.shard.index}/${results.shard.count}`] : []),
    `- Outcomes: ${countsLine(results)}`,
    `- Verdict: **${verdictSentence(results)}**`,
  ].join('\n');
}

export function renderMatrixMarkdown(results: RunResults): string {
  const clauses = new Map(results.clauses.map((clause) => [clause.id, clause]));
  const groups = groupFindings(results);
  const inGroups = new Set(groups.flatMap((group) => group.cells));
  const sections = ['# Conformance results', runFacts(results)];
  if (results.interrupted) {
    sections.push('**Interrupted:** the run was stopped before every cell finished.');
  }
  if (results.problems?.length) {
    sections.push(
      '## Problems',
      results.problems.map((problem) => `- ${tableText(scrubText(problem))}`).join('\n'),
    );
  }
  sections.push(matrixTable(results));
  if (groups.length > 0) {
    sections.push(
      `## Failures and undecided cells, grouped by cause (${groups.length})`,
      ...groups.map((group) => groupDetails(group, clauses)),
    );
  }
  const warnings = results.results
    .filter((cell) => !inGroups.has(cell))
    .flatMap((cell) =>
      (cell.warnings ?? []).map(
        (warning) => `- ${cell.service} · \`${cell.clause}\`: ${scrubText(warning)}`,
      ),
    );
  if (warnings.length > 0) sections.push('## Warnings', warnings.join('\n'));
  return `${sections.join('\n\n')}\n`;
}
