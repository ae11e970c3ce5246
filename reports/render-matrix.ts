/**
 * The terminal view of a run: a clause × service matrix, then every failed or undecided cell with
 * its message and the curl line that reproduces it (Schemathesis' "a curl line per failure"),
 * then the counts and the verdict. Every free-text field goes through redact.ts.
 */
import {
  cellLookup,
  cellsNeedingAttention,
  countsLine,
  describeTarget,
  lastCurl,
  NO_CELL,
  OUTCOME_WORDS,
  verdictSentence,
} from './matrix-view.ts';
import { redactText } from './redact.ts';
import type { CellResult, Outcome, RunResults } from './results-model.ts';

export interface MatrixTextOptions {
  /** ANSI colours on the outcome words; off by default (files, CI logs, NO_COLOR). */
  readonly color?: boolean;
}

const ANSI: Readonly<Record<Outcome, string>> = {
  PASS: '32',
  FAIL: '31',
  ERROR: '35',
  INCONCLUSIVE: '33',
  NOT_APPLICABLE: '2',
  SKIPPED: '2',
};

const GAP = '  ';
const INDENT = '    ';

function paint(text: string, outcome: Outcome | undefined, color: boolean): string {
  return color && outcome !== undefined ? `\u001b[${ANSI[outcome]}m${text}\u001b[0m` : text;
}

/** Pads on the plain word, then paints it, so colour codes never skew the columns. */
function column(word: string, width: number, outcome: Outcome | undefined, color: boolean): string {
  return paint(word, outcome, color) + ' '.repeat(Math.max(0, width - word.length));
}

function matrixLines(results: RunResults, color: boolean): string[] {
  const cellAt = cellLookup(results);
  const clauseWidth = Math.max('clause'.length, ...results.clauses.map((c) => c.id.length));
  const strengthWidth = 'strength'.length;
  const widths = results.services.map((s) => Math.max(s.length, 6));
  const header = [
    'clause'.padEnd(clauseWidth),
    'strength'.padEnd(strengthWidth),
    ...results.services.map((s, i) => s.padEnd(widths[i] ?? 0)),
  ];
  const rows = results.clauses.map((clause) =>
    [
      clause.id.padEnd(clauseWidth),
      clause.strength.padEnd(strengthWidth),
      ...results.services.map((service, i) => {
        const cell = cellAt(service, clause.id);
        const word = cell === undefined ? NO_CELL : OUTCOME_WORDS[cell.outcome];
        return column(word, widths[i] ?? 0, cell?.outcome, color);
      }),
    ].join(GAP),
  );
  return [header.join(GAP).trimEnd(), ...rows.map((row) => row.trimEnd())];
}

function indented(text: string): string[] {
  return redactText(text)
    .split('\n')
    .map((line) => `${INDENT}${line}`);
}

function cellLines(cell: CellResult, color: boolean): string[] {
  const word = OUTCOME_WORDS[cell.outcome];
  const curl = lastCurl(cell);
  return [
    `${column(word, 6, cell.outcome, color)}  ${cell.service}  ${cell.clause}  (${cell.strength})`,
    ...(cell.message === undefined ? [] : indented(cell.message)),
    ...(cell.warnings ?? []).flatMap((warning) => indented(`warning: ${warning}`)),
    ...(curl === undefined ? [] : indented(curl)),
  ];
}

export function renderMatrixText(results: RunResults, options: MatrixTextOptions = {}): string {
  const color = options.color ?? false;
  const attention = cellsNeedingAttention(results);
  const warned = results.results.filter(
    (cell) => (cell.warnings?.length ?? 0) > 0 && !attention.includes(cell),
  );
  const lines = [
    `${results.tool.name} ${results.tool.version}, target ${redactText(describeTarget(results))}, started ${results.startedAt}`,
    '',
    ...matrixLines(results, color),
  ];
  if (attention.length > 0) {
    lines.push('', `Failures and undecided cells (${attention.length})`);
    for (const cell of attention) lines.push('', ...cellLines(cell, color));
  }
  if (warned.length > 0) {
    lines.push('', `Warnings (${warned.length})`);
    for (const cell of warned) lines.push('', ...cellLines(cell, color));
  }
  lines.push('', `${countsLine(results)}. ${verdictSentence(results)}`);
  return `${lines.join('\n')}\n`;
}
