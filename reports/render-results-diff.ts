/**
 * Behaviour drift for people: a header naming both runs, one entry per change (breaking first),
 * and a closing line. Text for terminals and CI logs, Markdown for job summaries, JSON as is.
 * Only what changed is printed; free text goes through scrub.ts. The two results files may
 * come from anywhere, so in Markdown their text is escaped to render as text (markdown.ts).
 */
import type { ResultsChange, ResultsDiff, RunIdentity } from './diff-results.ts';
import { codeSpan, markdownText, tableText } from './markdown.ts';
import { scrubText } from './scrub.ts';

export const DIFF_FORMATS = ['text', 'json', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export function renderResultsDiff(diff: ResultsDiff, format: DiffFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(diff, null, 2)}\n`;
    case 'markdown':
      return renderResultsDiffMarkdown(diff);
    case 'text':
      return renderResultsDiffText(diff);
  }
}

/** `no behaviour drift in 85 cells` or `behaviour drift: 1 breaking, 2 changed, 0 info`. */
export function diffVerdict(diff: ResultsDiff): string {
  const { breaking, changed, info } = diff.summary;
  return diff.changes.length === 0
    ? `no behaviour drift in ${diff.current.cells} cells`
    : `behaviour drift: ${breaking} breaking, ${changed} changed, ${info} info`;
}

function runLine(run: RunIdentity): string {
  return scrubText(`${run.target}, started ${run.startedAt}, ${run.cells} cells, ${run.verdict}`);
}

/** `checks  cancel/x (MUST)`, or the clause or service alone. */
function where(change: ResultsChange): string {
  const strength = change.strength === undefined ? '' : ` (${change.strength})`;
  return [change.service, change.clause].filter(Boolean).join('  ') + strength;
}

function sides(change: ResultsChange): string {
  if (change.kind === 'answer-changed' || change.before === undefined) return '';
  return change.after === undefined
    ? `  was ${change.before}`
    : `  ${change.before} -> ${change.after}`;
}

export function renderResultsDiffText(diff: ResultsDiff): string {
  const lines = [
    'lro-conformance diff',
    `  baseline: ${runLine(diff.baseline)}`,
    `  current:  ${runLine(diff.current)}`,
    '',
  ];
  for (const change of diff.changes) {
    lines.push(
      `${change.level.toUpperCase().padEnd(8)}  ${change.kind}  ${where(change)}${sides(change)}`,
    );
    if (change.detail !== undefined) lines.push(`          ${scrubText(change.detail)}`);
    if (change.kind === 'answer-changed') {
      lines.push(`          was: ${change.before ?? ''}`, `          now: ${change.after ?? ''}`);
    }
  }
  if (diff.changes.length > 0) lines.push('');
  lines.push(diffVerdict(diff));
  return `${lines.join('\n')}\n`;
}

export function renderResultsDiffMarkdown(diff: ResultsDiff): string {
  const lines = [
    '## lro-conformance behaviour drift',
    '',
    `**${diffVerdict(diff)}**`,
    '',
    `- baseline: ${markdownText(runLine(diff.baseline))}`,
    `- current: ${markdownText(runLine(diff.current))}`,
  ];
  if (diff.changes.length > 0) {
    lines.push(
      '',
      '| level | change | service | clause | before | after | detail |',
      '|---|---|---|---|---|---|---|',
    );
    for (const change of diff.changes) {
      const row = [
        change.level,
        `\`${change.kind}\``,
        markdownText(change.service ?? ''),
        change.clause === undefined ? '' : tableText(codeSpan(change.clause)),
        markdownText(change.before ?? ''),
        markdownText(change.after ?? ''),
        markdownText(scrubText(change.detail ?? '')),
      ];
      lines.push(`| ${row.join(' | ')} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
