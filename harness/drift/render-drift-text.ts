/**
 * The drift report for a terminal or a CI log: one line per document, then one block per change
 * (breaking first), then a verdict line. Readable in ten seconds; the details are in the JSON.
 */
import type { DriftChange } from './drift-change.ts';
import type { DriftReport, ServiceDriftStatus } from './drift-report.ts';
import { clauseList, documentLine, driftVerdict } from './drift-words.ts';

const INDENT = '          ';

export function renderDriftText(report: DriftReport): string {
  const width = Math.max(...report.services.map((s) => s.service.length), 7);
  const lines = [
    `${report.tool.name} drift ${report.tool.version}: live Discovery documents against the spec documents and the clauses' quotes`,
    '',
    ...report.services.map((status) => statusLine(status, report, width)),
    ...report.notes.map((note) => `note: ${note}`),
  ];
  for (const change of report.changes) lines.push('', ...changeLines(change));
  lines.push('', driftVerdict(report));
  return `${lines.join('\n')}\n`;
}

function statusLine(status: ServiceDriftStatus, report: DriftReport, width: number): string {
  return `  ${status.service.padEnd(width)}  ${documentLine(status, report)}`;
}

function changeLines(change: DriftChange): string[] {
  const lines = [
    `${change.level.toUpperCase().padEnd(8)}  ${change.check}  ${change.service}  ${change.subject}`,
    `${INDENT}${change.summary}`,
  ];
  if (change.quote !== undefined) {
    lines.push(
      `${INDENT}quoted: "${change.quote}"`,
      `${INDENT}was: ${change.before}`,
      `${INDENT}now: ${change.after === 'absent' ? '(no similar sentence)' : change.after}`,
    );
  }
  lines.push(`${INDENT}clauses: ${clauseList(change.clauses)}`);
  return lines;
}
