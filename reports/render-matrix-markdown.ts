/**
 * The Markdown view of a run (matrix.md): the clause × service table, then for every failed or
 * undecided cell the clause's quote, the message and each evidence exchange as request and
 * response blocks plus its curl line. Every free-text field goes through redact.ts.
 */

import { blockquote, fenced, tableText } from './markdown.ts';
import {
  cellLookup,
  cellsNeedingAttention,
  countsLine,
  describeTarget,
  NO_CELL,
  OUTCOME_WORDS,
  verdictSentence,
} from './matrix-view.ts';
import { redactHeaders, redactText } from './redact.ts';
import type { CellResult, ClauseInfo, Exchange, RunResults } from './results-model.ts';

function headerLines(headers: Readonly<Record<string, string>>): string[] {
  return Object.entries(redactHeaders(headers)).map(([name, value]) => `${name}: ${value}`);
}

function exchangeMarkdown(exchange: Exchange, index: number): string {
  const { request, response } = exchange;
  const requestText = [
    `${request.method} ${redactText(request.url)}`,
    ...headerLines(request.headers),
    ...(request.body === undefined ? [] : ['', redactText(request.body)]),
  ].join('\n');
  const parts = [`**Exchange ${index + 1}**`, fenced('http', requestText)];
  if (response === undefined) parts.push('No response (transport failure).');
  else {
    const responseText = [
      `HTTP ${response.status}`,
      ...headerLines(response.headers),
      ...(response.body === '' ? [] : ['', redactText(response.body)]),
    ].join('\n');
    parts.push(fenced('http', responseText));
  }
  parts.push(fenced('sh', redactText(exchange.curl)));
  return parts.join('\n\n');
}

function cellDetails(cell: CellResult, clause: ClauseInfo | undefined): string {
  const parts = [`### ${OUTCOME_WORDS[cell.outcome]} · ${cell.service} · \`${cell.clause}\``];
  if (clause !== undefined) {
    parts.push(`${clause.title} (${clause.strength})`, blockquote(clause.quote));
  }
  if (cell.message !== undefined) parts.push(fenced('text', redactText(cell.message)));
  for (const warning of cell.warnings ?? []) parts.push(`Warning: ${redactText(warning)}`);
  (cell.evidence ?? []).forEach((exchange, i) => {
    parts.push(exchangeMarkdown(exchange, i));
  });
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

export function renderMatrixMarkdown(results: RunResults): string {
  const clauses = new Map(results.clauses.map((clause) => [clause.id, clause]));
  const attention = cellsNeedingAttention(results);
  const sections = [
    '# Conformance results',
    [
      `- Tool: ${results.tool.name} ${results.tool.version}`,
      `- Target: ${tableText(redactText(describeTarget(results)))}`,
      `- Started: ${results.startedAt} (${results.durationMs} ms)`,
      `- Outcomes: ${countsLine(results)}`,
      `- Verdict: **${verdictSentence(results)}**`,
    ].join('\n'),
    matrixTable(results),
  ];
  if (attention.length > 0) {
    sections.push(
      '## Failures and undecided cells',
      ...attention.map((cell) => cellDetails(cell, clauses.get(cell.clause))),
    );
  }
  const warnings = results.results
    .filter((cell) => !attention.includes(cell))
    .flatMap((cell) =>
      (cell.warnings ?? []).map(
        (warning) => `- ${cell.service} · \`${cell.clause}\`: ${redactText(warning)}`,
      ),
    );
  if (warnings.length > 0) sections.push('## Warnings', warnings.join('\n'));
  return `${sections.join('\n\n')}\n`;
}
