/**
 * The terminal view of a run: the clause × service matrix, then the failures grouped by cause
 * (finding-view.ts), each group once: what was expected and what came back in one line, each
 * clause it breaks with its quote, the services and the command that reruns it on one of them,
 * and for a target over HTTP the curl line of the request the finding rests on (Schemathesis'
 * "Reproduce with"); then the counts and the verdict, so that what a person sees last is the
 * failures and the verdict. Every free-text field goes through scrub.ts, and control characters
 * from a target are shown as U+FFFD.
 */
import { plural } from '#base';
import { type FindingView, findingViews } from './finding-view.ts';
import {
  cellLookup,
  countsLine,
  describeTarget,
  expectationLegend,
  expectationMark,
  lastCurl,
  NO_CELL,
  OUTCOME_WORDS,
  verdictSentence,
} from './matrix-view.ts';
import { reachableOverHttp } from './reproduction.ts';
import type { CellResult, Outcome, RunResults } from './results-model.ts';
import { scrubText } from './scrub.ts';
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
  const wordOf = (service: string, clause: string) => {
    const cell = cellAt(service, clause);
    return cell === undefined ? NO_CELL : `${OUTCOME_WORDS[cell.outcome]}${expectationMark(cell)}`;
  };
  const ids = results.clauses.map((clause) => terminalSafe(clause.id));
  const services = results.services.map(terminalSafe);
  const clauseWidth = Math.max('clause'.length, ...ids.map((id) => id.length));
  const strengthWidth = 'strength'.length;
  const widths = results.services.map((service, i) =>
    Math.max(
      services[i]?.length ?? 0,
      6,
      ...results.clauses.map((clause) => wordOf(service, clause.id).length),
    ),
  );
  const header = [
    'clause'.padEnd(clauseWidth),
    'strength'.padEnd(strengthWidth),
    ...services.map((s, i) => s.padEnd(widths[i] ?? 0)),
  ];
  const rows = results.clauses.map((clause, row) =>
    [
      (ids[row] ?? '').padEnd(clauseWidth),
      clause.strength.padEnd(strengthWidth),
      ...results.services.map((service, i) =>
        column(
          wordOf(service, clause.id),
          widths[i] ?? 0,
          cellAt(service, clause.id)?.outcome,
          color,
        ),
      ),
    ].join(GAP),
  );
  return [header.join(GAP).trimEnd(), ...rows.map((line) => line.trimEnd())];
}

/**
 * C0 and C1 controls other than tab and newline (ECMA-48) would let a target's message move the
 * cursor or recolour the terminal: they are shown as U+FFFD.
 */
function terminalSafe(text: string): string {
  return scrubText(text).replace(/[^\P{Cc}\t\n]/gu, '\uFFFD');
}

function indented(text: string): string[] {
  return terminalSafe(text)
    .split('\n')
    .map((line) => `${INDENT}${line}`);
}

function cellLines(cell: CellResult, color: boolean, curl: boolean): string[] {
  const word = OUTCOME_WORDS[cell.outcome];
  const line = curl ? lastCurl(cell) : undefined;
  return [
    `${column(word, 6, cell.outcome, color)}  ${terminalSafe(cell.service)}  ${terminalSafe(cell.clause)}  (${cell.strength})`,
    ...(cell.message === undefined ? [] : indented(cell.message)),
    ...(cell.warnings ?? []).flatMap((warning) => indented(`warning: ${warning}`)),
    ...(line === undefined ? [] : indented(line)),
  ];
}

/**
 * One block per cause: the finding in one line, then per clause its services, quote and rerun
 * command, then the curl line (targets over HTTP); the whole message follows where the line had
 * to shorten it.
 */
function groupLines(view: FindingView, color: boolean): string[] {
  const { group } = view;
  const cell = group.representative;
  const message = terminalSafe(cell.message ?? '').trim();
  const lines = [
    `${column(OUTCOME_WORDS[group.outcome], 6, group.outcome, color)}  ${plural(group.cells.length, 'cell')} · ${terminalSafe(view.line)}`,
  ];
  for (const clause of view.clauses) {
    lines.push(...indented(`${clause.clause} (${clause.strength}): ${clause.services.join(', ')}`));
    if (clause.info?.quote) lines.push(...indented(`  “${clause.info.quote.trim()}”`));
    if (clause.rerun !== undefined) lines.push(...indented(`  reproduce: ${clause.rerun}`));
  }
  if (view.curl !== undefined) {
    lines.push(...indented(`request it rests on (${cell.service} · ${cell.clause}):`));
    lines.push(...indented(`  ${view.curl}`));
  }
  // The whole message, where the line above had to shorten it (a list, a long body).
  if (message !== '' && message !== terminalSafe(view.line)) {
    lines.push(...indented(`message (${cell.service} · ${cell.clause}):`));
    lines.push(...message.split('\n').flatMap((line) => indented(`  ${line}`)));
  }
  lines.push(...(cell.warnings ?? []).flatMap((warning) => indented(`warning: ${warning}`)));
  return lines;
}

export function renderMatrixText(results: RunResults, options: MatrixTextOptions = {}): string {
  const color = options.color ?? false;
  const views = findingViews(results);
  const attention = new Set(views.flatMap((view) => view.group.cells));
  const warned = results.results.filter(
    (cell) => (cell.warnings?.length ?? 0) > 0 && !attention.has(cell),
  );
  const lines = [
    terminalSafe(
      `${results.tool.name} ${results.tool.version}, target ${describeTarget(results)}, started ${results.startedAt}`,
    ),
    '',
    ...matrixLines(results, color),
  ];
  const legend = expectationLegend(results.results);
  if (legend !== undefined) lines.push(...legend.split('\n'));
  if (warned.length > 0) {
    const curl = reachableOverHttp(results.target);
    lines.push('', `Warnings (${warned.length})`);
    for (const cell of warned) lines.push('', ...cellLines(cell, color, curl));
  }
  if (views.length > 0) {
    lines.push(
      '',
      `Failures and undecided cells (${plural(attention.size, 'cell')}, ${plural(views.length, 'cause')})`,
    );
    for (const view of views) lines.push('', ...groupLines(view, color));
  }
  lines.push('', `${countsLine(results)}. ${verdictSentence(results)}`);
  return `${lines.join('\n')}\n`;
}
