/**
 * What every report shows first for a group of findings with one cause (group-findings.ts), so
 * the terminal, matrix.md, junit.xml, report.html and the Action say the same thing: the finding
 * in one line (what was expected, what came back: finding-line.ts), then for each clause it
 * breaks the clause's sentence (its quote), the services where it broke and the command that
 * reruns that clause on the first of them, and, for a target over HTTP, the curl line of the
 * request the finding rests on (reproduction.ts). Playwright's report and Schemathesis' output
 * open with failures in the same shape.
 */

import { plural } from '#base';
import { findingLine } from './finding-line.ts';
import { type FindingGroup, groupCoverage, groupFindings } from './group-findings.ts';
import { OUTCOME_WORDS } from './matrix-view.ts';
import { reproductionCurl, rerunCommand } from './reproduction.ts';
import type { CellResult, ClauseInfo, RunResults, Strength } from './results-model.ts';
import { scrubText } from './scrub.ts';

export interface ClauseFinding {
  readonly clause: string;
  readonly strength: Strength;
  /** Absent when the results carry no metadata for the clause. */
  readonly info?: ClauseInfo;
  /** In the run's service order. */
  readonly services: readonly string[];
  /** Reruns this clause on the first of `services`; absent when the results have no `rerun`. */
  readonly rerun?: string;
}

export interface FindingView {
  readonly group: FindingGroup;
  /** What was expected and what came back, in one line, scrubbed. */
  readonly line: string;
  readonly clauses: readonly ClauseFinding[];
  /** The curl line of the representative cell's last request, for targets over HTTP. */
  readonly curl?: string;
}

/** The one-line finding of a single cell, scrubbed. */
export function cellFindingLine(cell: CellResult): string {
  return findingLine(scrubText(cell.message ?? ''), `${OUTCOME_WORDS[cell.outcome]} (no message)`);
}

export function findingView(results: RunResults, group: FindingGroup): FindingView {
  const infos = new Map(results.clauses.map((clause) => [clause.id, clause]));
  const clauses = groupCoverage(group).map(({ clause, strength, services }): ClauseFinding => {
    const info = infos.get(clause);
    const first = services[0];
    const rerun =
      first === undefined ? undefined : rerunCommand(results, { service: first, clause });
    return {
      clause,
      strength,
      ...(info === undefined ? {} : { info }),
      services,
      ...(rerun === undefined ? {} : { rerun }),
    };
  });
  const curl = reproductionCurl(results, group.representative);
  return {
    group,
    line: cellFindingLine(group.representative),
    clauses,
    ...(curl === undefined ? {} : { curl }),
  };
}

/**
 * What the folded part of a finding holds: `Message and 2 exchanges of checks · cancel/…`;
 * undefined when the cell has neither message nor exchange.
 */
export function evidenceTitle(cell: CellResult): string | undefined {
  const exchanges = cell.evidence?.length ?? 0;
  const parts = [
    ...(cell.message === undefined ? [] : ['Message']),
    ...(exchanges === 0 ? [] : [plural(exchanges, 'exchange')]),
  ];
  return parts.length === 0
    ? undefined
    : `${parts.join(' and ')} of ${cell.service} · ${cell.clause}`;
}

/** The findings of a run, grouped by cause, FAIL first (group-findings.ts). */
export function findingViews(results: RunResults): FindingView[] {
  return groupFindings(results).map((group) => findingView(results, group));
}
