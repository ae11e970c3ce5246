/**
 * The drift report as GitHub-flavoured Markdown, for a CI job summary or an issue a person opens:
 * the documents, a table of changes, and the old and new text of every quoted sentence that
 * moved (CommonMark, https://spec.commonmark.org/0.31.2/, with GitHub's table extension).
 */
import { tableText as cell } from '#reports';
import type { DriftChange } from './drift-change.ts';
import type { DriftReport } from './drift-report.ts';
import { clauseList, documentLine, driftVerdict } from './drift-words.ts';

const code = (text: string) => `\`${text.replaceAll('`', '')}\``;

export function renderDriftMarkdown(report: DriftReport): string {
  const lines = [
    '## lro-conformance drift',
    '',
    `**${cell(driftVerdict(report))}**`,
    '',
    '| service | Discovery document |',
    '|---|---|',
    ...report.services.map((s) => `| ${s.service} | ${cell(documentLine(s, report))} |`),
  ];
  for (const note of report.notes) lines.push('', `> ${cell(note)}`);
  if (report.changes.length > 0) {
    lines.push(
      '',
      '| level | check | service | where | what changed | clauses |',
      '|---|---|---|---|---|---|',
      ...report.changes.map(tableRow),
    );
  }
  const texts = report.changes.filter((change) => change.quote !== undefined);
  for (const change of texts) lines.push('', ...textLines(change));
  return `${lines.join('\n')}\n`;
}

function tableRow(change: DriftChange): string {
  const clauses = clauseList(change.clauses);
  return `| ${change.level} | ${code(change.check)} | ${change.service} | ${code(change.subject)} | ${cell(change.summary)} | ${clauses} |`;
}

function textLines(change: DriftChange): string[] {
  return [
    `### ${change.service}: ${cell(change.subject)}`,
    '',
    `Quoted by ${change.clauses.map(code).join(', ')}: "${cell(change.quote ?? '')}"`,
    '',
    `- was: ${cell(change.before)}`,
    `- now: ${change.after === 'absent' ? '(no similar sentence)' : cell(change.after)}`,
  ];
}
