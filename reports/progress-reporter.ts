/**
 * A vitest Reporter (https://vitest.dev/advanced/reporters) that shows a run's progress while it
 * goes, reading only task meta and results (like conformance-reporter.ts). On a terminal: one
 * live counter line, rewritten with a carriage return and cleared at the end. In a log (not a
 * TTY, or `CI` set): one line per clause as soon as all its cells have finished, which CI logs
 * keep readable. A cell may span several test cases; it is finished when all of them are.
 */
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import { collectCells, type ReportedCase } from './collect-results.ts';
import { toReportedCase } from './conformance-reporter.ts';
import { clauseLine, counterLine } from './progress-format.ts';
import type { CellResult } from './results-model.ts';

export type ProgressMode = 'live' | 'lines';

/** What the reporter writes to: process.stderr, or anything with `write`. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface ProgressReporterOptions {
  /** Defaults to process.stderr, so stdout stays for the matrix. */
  readonly stream?: ProgressStream;
  /** Cells the run will produce (the selection's service × clause count); else those collected so far. */
  readonly expectedCells?: number;
  readonly color?: boolean;
  /** Defaults to progressMode() of the stream and the environment. */
  readonly mode?: ProgressMode;
}

/** `lines` when the stream is not a terminal or a CI system runs us (`CI` set, not `false`/`0`). */
export function progressMode(context: {
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}): ProgressMode {
  const ci = context.env.CI;
  const underCi = ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
  return context.isTTY && !underCi ? 'live' : 'lines';
}

const CLEAR_LINE = '\r\u001b[2K';

interface CellProgress {
  readonly clause: string;
  readonly cases: Map<string, ReportedCase | undefined>;
  result?: CellResult | undefined;
}

export class ProgressReporter implements Reporter {
  readonly #stream: ProgressStream;
  readonly #mode: ProgressMode;
  readonly #color: boolean;
  readonly #expected: number | undefined;
  readonly #cells = new Map<string, CellProgress>();
  /** The cells of each clause, and the results so far: a settled cell looks at its own only. */
  readonly #cellsOfClause = new Map<string, CellProgress[]>();
  readonly #results: CellResult[] = [];
  readonly #reportedClauses = new Set<string>();
  #liveShown = false;

  constructor(options: ProgressReporterOptions = {}) {
    this.#stream = options.stream ?? process.stderr;
    this.#mode =
      options.mode ?? progressMode({ isTTY: this.#stream.isTTY === true, env: process.env });
    this.#color = options.color ?? false;
    this.#expected = options.expectedCells;
  }

  onTestModuleCollected(module: TestModule): void {
    for (const testCase of module.children.allTests()) this.#register(testCase);
  }

  onTestCaseResult(testCase: TestCase): void {
    const cell = this.#register(testCase);
    if (cell === undefined) return;
    cell.cases.set(testCase.id, toReportedCase(testCase));
    this.#settle(cell);
  }

  /** Tests that never reported (skipped with their module, or a module that failed) end here. */
  onTestModuleEnd(module: TestModule): void {
    for (const testCase of module.children.allTests()) {
      const cell = this.#register(testCase);
      if (cell !== undefined && cell.cases.get(testCase.id) === undefined) {
        cell.cases.set(testCase.id, toReportedCase(testCase));
        this.#settle(cell);
      }
    }
  }

  onTestRunEnd(): void {
    if (this.#liveShown) this.#stream.write(CLEAR_LINE);
    this.#liveShown = false;
  }

  #register(testCase: TestCase): CellProgress | undefined {
    const meta = testCase.meta().lro;
    if (meta === undefined) return undefined;
    const key = JSON.stringify([meta.service, meta.clause.id]);
    let cell = this.#cells.get(key);
    if (cell === undefined) {
      cell = { clause: meta.clause.id, cases: new Map() };
      this.#cells.set(key, cell);
      const ofClause = this.#cellsOfClause.get(cell.clause) ?? [];
      ofClause.push(cell);
      this.#cellsOfClause.set(cell.clause, ofClause);
    }
    if (!cell.cases.has(testCase.id)) cell.cases.set(testCase.id, undefined);
    return cell;
  }

  #settle(cell: CellProgress): void {
    const cases = [...cell.cases.values()];
    if (cell.result !== undefined || cases.some((reported) => reported === undefined)) return;
    cell.result = collectCells(cases as ReportedCase[])[0];
    if (cell.result !== undefined) this.#results.push(cell.result);
    if (this.#mode === 'live') this.#showCounter();
    else this.#reportClauseIfDone(cell.clause);
  }

  #finished(): CellResult[] {
    return this.#results;
  }

  #showCounter(): void {
    const expected = Math.max(this.#expected ?? 0, this.#cells.size);
    let line = counterLine(this.#finished(), expected, this.#color);
    const columns = this.#stream.columns;
    // A line longer than the terminal would wrap, and \r would then rewrite only its tail.
    if (!this.#color && columns !== undefined && line.length >= columns) {
      line = line.slice(0, Math.max(0, columns - 1));
    }
    this.#stream.write(`${CLEAR_LINE}${line}`);
    this.#liveShown = true;
  }

  #reportClauseIfDone(clause: string): void {
    if (this.#reportedClauses.has(clause)) return;
    const cells = this.#cellsOfClause.get(clause) ?? [];
    if (cells.some((cell) => cell.result === undefined)) return;
    this.#reportedClauses.add(clause);
    const results = cells.flatMap((cell) => (cell.result ? [cell.result] : []));
    this.#stream.write(`${clauseLine(clause, results, this.#color)}\n`);
  }
}
