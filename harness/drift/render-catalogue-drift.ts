/**
 * The `drift --catalogue` report for people: the changes, breaking first, then what the
 * catalogue already knows, then the APIs the folder did not hold and the files it skipped.
 * Text for terminals, Markdown for a job summary or an issue.
 */
import { plural } from '#base';
import type { CatalogueDriftReport } from './catalogue-drift.ts';

function headline(report: CatalogueDriftReport): string {
  const { summary } = report;
  const drift =
    summary.breaking + summary.changed + summary.info === 0
      ? 'no drift'
      : `${summary.breaking} breaking, ${summary.changed} changed, ${summary.info} info`;
  return `${report.folder}: ${plural(report.compared.length, 'API')} compared with the catalogue: ${drift}; ${summary.known} known`;
}

export function renderCatalogueDriftText(report: CatalogueDriftReport): string {
  const lines = [`lro-conformance drift --catalogue ${headline(report)}`];
  if (report.changes.length > 0) lines.push('');
  for (const change of report.changes) {
    lines.push(
      `${change.level.toUpperCase().padEnd(8)}  ${change.api}  ${change.check}  ${change.subject}`,
    );
    lines.push(`    was: ${change.before}`, `    now: ${change.after}`);
  }
  if (report.known.length > 0) {
    lines.push('', 'Known (recorded in the catalogue, not drift):');
    for (const known of report.known) {
      lines.push(`  ${known.api}: ${known.note}${known.inFolder ? '' : ' (not in the folder)'}`);
    }
  }
  if (report.notInFolder.length > 0) {
    lines.push('', `Not in the folder: ${report.notInFolder.join(', ')}`);
  }
  for (const skip of report.skipped) lines.push(`Skipped ${skip.file}: ${skip.reason}`);
  return `${lines.join('\n')}\n`;
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function renderCatalogueDriftMarkdown(report: CatalogueDriftReport): string {
  const lines = [`# Catalogue drift`, '', headline(report), ''];
  if (report.changes.length > 0) {
    lines.push('| level | API | check | subject | was | now |', '|---|---|---|---|---|---|');
    for (const c of report.changes) {
      lines.push(
        `| ${c.level} | ${c.api} | \`${c.check}\` | ${cell(c.subject)} | ${cell(c.before)} | ${cell(c.after)} |`,
      );
    }
    lines.push('');
  }
  if (report.known.length > 0) {
    lines.push('## Known', '', '| API | what the catalogue records |', '|---|---|');
    for (const known of report.known) lines.push(`| ${known.api} | ${cell(known.note)} |`);
    lines.push('');
  }
  if (report.notInFolder.length > 0) {
    lines.push(`Not in the folder: ${report.notInFolder.join(', ')}`, '');
  }
  return `${lines.join('\n')}`;
}
