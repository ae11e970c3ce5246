/**
 * The terminal view of a run: a clause × service matrix, then the failed or undecided cells
 * grouped by cause (group-findings.ts), each group once with its message, the cells it covers
 * and the curl line that reproduces it (Schemathesis' "a curl line per failure"), then the
 * counts and the verdict. Every free-text field goes through redact.ts.
 */
import { plural } from '#base';
import { type FindingGroup, groupCoverage, groupFindings } from './group-findings.ts';
import {
  cellLookup,
  countsLine,
  describeTarget,
  lastCurl,
  NO_CELL,
  OUTCOME_WORDS,
  verdictSentence,
} from './matrix-view.ts';
import { redactText } from './redact.ts';
import type { CellResult, Outcome, RunResults } from './results-model.ts';
import { paintOutcome } from './terminal-color.ts';

export interface MatrixTextOptions {
  /** ANSI colours on the outcome words; off by default (files, CI logs): see terminal-color.ts. */
  readonly color?: boolean;
}

const GAP = '  ';
const INDENT = '    ';

/** Pads on the plain word, then paints it, so colour codes never skew the columns. */
function column(word: string, width: number, outcome: Outcome | undefined, color: boolean): string {
  return paintOutcome(word, outcome, color) + ' '.repeat(Math.max(0, width - word.length));
}

/**
 * Past this many services a clause × service matrix no longer fits a terminal (the catalogue has
 * over a hundred): the view turns to one line per service with its outcome counts.
 */
export const MATRIX_COLUMNS_MAX = 12;

const COUNTED: readonly Outcome[] = [
  'PASS',
  'FAIL',
  'NOT_APPLICABLE',
  'INCONCLUSIVE',
  'ERROR',
  'SKIPPED',
];

function serviceLines(results: RunResults, color: boolean): string[] {
  const width = Math.max('service'.length, ...results.services.map((s) => s.length));
  const header = ['service'.padEnd(width), ...COUNTED.map((o) => OUTCOME_WORDS[o].padEnd(6))];
  const rows = results.services.map((service) => {
    const cells = results.results.filter((cell) => cell.service === service);
    return [
      service.padEnd(width),
      ...COUNTED.map((outcome) => {
        const count = cells.filter((cell) => cell.outcome === outcome).length;
        return count === 0 ? '-'.padEnd(6) : column(String(count), 6, outcome, color);
      }),
    ].join(GAP);
  });
  return [header.join(GAP).trimEnd(), ...rows.map((row) => row.trimEnd())];
}

function matrixLines(results: RunResults, color: boolean): string[] {
  if (results.services.length > MATRIX_COLUMNS_MAX) return serviceLines(results, color);
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

/**
 * C0 and C1 controls other than tab and newline (ECMA-48) would let a target's message move the
 * cursor or recolour the terminal: they are shown as U+FFFD.
 */
function terminalSafe(text: string): string {
  return redactText(text).replace(/[^\P{Cc}\t\n]/gu, '\uFFFD');
}

function indented(text: string): string[] {
  return terminalSafe(text)
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

/** One block per cause: headline message, the cells it covers, then one cell's evidence. */
function groupLines(group: FindingGroup, color: boolean): string[] {
  const cell = group.representative;
  const [headline = '(no message)', ...more] = terminalSafe(cell.message ?? '(no message)').split(
    '\n',
  );
  const curl = lastCurl(cell);
  const evidenceOf =
    group.cells.length > 1 ? [`evidence from ${cell.service} · ${cell.clause}:`] : [];
  return [
    `${column(OUTCOME_WORDS[group.outcome], 6, group.outcome, color)}  ${headline}`,
    ...groupCoverage(group).flatMap(({ clause, strength, services }) =>
      indented(`${clause} (${strength}): ${services.join(', ')}`),
    ),
    ...more.flatMap(indented),
    ...(cell.warnings ?? []).flatMap((warning) => indented(`warning: ${warning}`)),
    ...(curl === undefined ? [] : [...evidenceOf, curl].flatMap(indented)),
  ];
}

export function renderMatrixText(results: RunResults, options: MatrixTextOptions = {}): string {
  const color = options.color ?? false;
  const groups = groupFindings(results);
  const attention = new Set(groups.flatMap((group) => group.cells));
  const warned = results.results.filter(
    (cell) => (cell.warnings?.length ?? 0) > 0 && !attention.has(cell),
  );
  const lines = [
    `${results.tool.name} ${results.tool.version}, target ${redactText(describeTarget(results))}, started ${results.startedAt}`,
    '',
    ...matrixLines(results, color),
  ];
  if (groups.length > 0) {
    lines.push(
      '',
      `Failures and undecided cells (${plural(attention.size, 'cell')}, ${plural(groups.length, 'cause')})`,
    );
    for (const group of groups) lines.push('', ...groupLines(group, color));
  }
  if (warned.length > 0) {
    lines.push('', `Warnings (${warned.length})`);
    for (const cell of warned) lines.push('', ...cellLines(cell, color));
  }
  lines.push('', `${countsLine(results)}. ${verdictSentence(results)}`);
  return `${lines.join('\n')}\n`;
}
