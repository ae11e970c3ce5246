/**
 * The run-wide rules: the only things that change a cell after the test that made it judged it
 * (harness/clause/conformance-test.ts). Each rule reads every cell of the run, because its fact
 * belongs to more than one cell, and says which cells it changes and why, with the cells (or the
 * expectation) that made it fire. They are applied in one step, buildRunResults
 * (build-run-results.ts), which both a run and `merge` build their results through
 * (docs/decisions/0012-cell-outcomes-and-run-rules.md). A baseline is not a rule: it only
 * reports what changed since (diff-results.ts) and never alters a cell.
 */
import { isDeepStrictEqual } from 'node:util';
import { type Expectation, expectationStatus } from './expectations.ts';
import type { CellExpectation, CellResult } from './results-model.ts';

export type RunRuleId = 'cancel-support-is-one-fact-per-service' | 'expected-outcomes';

/** Where a cell sits in the matrix. */
export interface CellKey {
  readonly service: string;
  readonly clause: string;
}

/** What made a rule fire for one cell. */
export interface RuleEvidence {
  /** The cells whose facts made the rule fire (for the expectations rule, the cell itself). */
  readonly cells: readonly CellKey[];
  /** The expectations file's entry the rule applied; absent when it clears a stale mark. */
  readonly expectation?: Expectation;
}

export interface RuleChange {
  readonly rule: RunRuleId;
  /** The cell as the rule found it. */
  readonly before: CellResult;
  /** The cell as the rule leaves it: the same service and clause. */
  readonly after: CellResult;
  readonly evidence: RuleEvidence;
}

export interface RunRule {
  readonly id: RunRuleId;
  /** The sentence the rule enforces. */
  readonly sentence: string;
  /** The changes the rule makes to the run's cells; cells it leaves alone are not listed. */
  changes(cells: readonly CellResult[]): readonly RuleChange[];
}

const UNIMPLEMENTED_SENTENCE =
  '"If the server doesn\'t support this method, it returns google.rpc.Code.UNIMPLEMENTED"';

const WHY = `whether cancel is supported is a property of the service (${UNIMPLEMENTED_SENTENCE})`;

/**
 * Whether a service supports cancel is decided once per run from every cancel the run sent: the
 * service pages' sentence describes a server, not one answer. When any cancel of an operation
 * the run made was accepted (a cell with `cancelSupport: "supported"`), every cell of the service
 * whose cancel was answered 501 and that ended PASS or NOT_APPLICABLE contradicts it and FAILs,
 * in the clause that received the 501. When no cancel was accepted, the 501 cells stand.
 */
export const CANCEL_SUPPORT_RULE: RunRule = {
  id: 'cancel-support-is-one-fact-per-service',
  sentence: `A service either supports cancel or does not (${UNIMPLEMENTED_SENTENCE}): a 501 to one cancel and an accepted cancel of an operation the run made, for the same service in the same run, FAIL the cell that received the 501.`,
  changes(cells) {
    const supportedBy = new Map<string, CellResult[]>();
    for (const cell of cells) {
      if (cell.cancelSupport !== 'supported') continue;
      supportedBy.set(cell.service, [...(supportedBy.get(cell.service) ?? []), cell]);
    }
    return cells.flatMap((cell): RuleChange[] => {
      const accepting = supportedBy.get(cell.service);
      const contradicts =
        cell.cancelSupport === 'unsupported' &&
        accepting !== undefined &&
        (cell.outcome === 'PASS' || cell.outcome === 'NOT_APPLICABLE');
      if (!contradicts) return [];
      const { message: _replaced, ...rest } = cell;
      const clauses = accepting.map((accepted) => accepted.clause).join(', ');
      const after: CellResult = {
        ...rest,
        outcome: 'FAIL',
        message: `cancel answered 501 UNIMPLEMENTED here, but ${cell.service} accepted the cancels of ${clauses} in the same run: ${WHY}`,
        rootCause: 'cancel-support-inconsistent',
      };
      return [
        {
          rule: 'cancel-support-is-one-fact-per-service',
          before: cell,
          after,
          evidence: { cells: accepting.map(keyOf) },
        },
      ];
    });
  },
};

/**
 * An expectations file (expectations.ts) marks each cell it lists with the expectation and its
 * status, and clears a mark it no longer lists. It never changes an outcome: a `met` mark keeps
 * the cell from counting against the run (verdict.ts).
 */
export function expectationsRule(
  expectations: readonly Expectation[],
  today: Date | string,
): RunRule {
  const byCell = new Map(expectations.map((e) => [`${e.service}\n${e.clause}`, e]));
  return {
    id: 'expected-outcomes',
    sentence:
      'A cell whose outcome the expectations file records, until the expiry date, is a known deviation: it is marked met and does not count against the run; an unexpected PASS, another outcome or an expired expectation is reported and counts as usual.',
    changes(cells) {
      return cells.flatMap((cell): RuleChange[] => {
        const { expectation: previous, ...rest } = cell;
        const expectation = byCell.get(`${cell.service}\n${cell.clause}`);
        if (expectation === undefined) {
          return previous === undefined
            ? []
            : [{ rule: 'expected-outcomes', before: cell, after: rest, evidence: { cells: [] } }];
        }
        const mark: CellExpectation = {
          outcome: expectation.outcome,
          reason: expectation.reason,
          ...(expectation.link === undefined ? {} : { link: expectation.link }),
          ...(expectation.expires === undefined ? {} : { expires: expectation.expires }),
          status: expectationStatus(cell, expectation, today),
        };
        if (isDeepStrictEqual(previous, mark)) return [];
        return [
          {
            rule: 'expected-outcomes',
            before: cell,
            after: { ...rest, expectation: mark },
            evidence: { cells: [keyOf(cell)], expectation },
          },
        ];
      });
    },
  };
}

/** What a run's results are built with, beyond its cells. */
export interface RunRulesInput {
  /** An expectations file's entries and the day its expiry dates are judged by. */
  readonly expectations?: {
    readonly entries: readonly Expectation[];
    readonly today: Date | string;
  };
}

/** The rules of a run, in the order they apply: cancel support, then expectations. */
export function runRules(input: RunRulesInput): RunRule[] {
  const { expectations } = input;
  return [
    CANCEL_SUPPORT_RULE,
    ...(expectations === undefined
      ? []
      : [expectationsRule(expectations.entries, expectations.today)]),
  ];
}

/**
 * The cells after every rule, each rule reading the cells the previous ones left, and every
 * change made on the way.
 */
export function applyRunRules(
  cells: readonly CellResult[],
  rules: readonly RunRule[],
): { readonly cells: CellResult[]; readonly changes: RuleChange[] } {
  let current = [...cells];
  const changes: RuleChange[] = [];
  for (const rule of rules) {
    const made = rule.changes(current);
    const replaced = new Map(made.map((change) => [change.before, change.after]));
    current = current.map((cell) => replaced.get(cell) ?? cell);
    changes.push(...made);
  }
  return { cells: current, changes };
}

function keyOf(cell: CellResult): CellKey {
  return { service: cell.service, clause: cell.clause };
}
