/**
 * What the suite makes of each catalogue entry (specs/catalogue/): the clauses that run on its
 * profile, the ones that do not apply, and the ones that cannot run there and why, or the reason
 * the entry has no profile at all. `list --catalogue` prints it and docs/CATALOGUE.md is made
 * from it, so both say the same.
 */
import type { ClauseInfo } from '#reports';
import type { CatalogueEntry, ServiceProfile } from '#specs';
import { clauseApplicability } from './clause-applicability.ts';

export interface ClauseCannotRun {
  readonly clause: string;
  /** The profile's limit that keeps the clause from running. */
  readonly reason: string;
}

export type EntryJudgement =
  | {
      readonly kind: 'checked';
      readonly profile: ServiceProfile;
      /** Clauses that run on the profile. */
      readonly runs: readonly string[];
      readonly notApplicable: readonly string[];
      readonly cannotRun: readonly ClauseCannotRun[];
    }
  | { readonly kind: 'refused'; readonly reason: string };

export function judgeEntry(entry: CatalogueEntry, clauses: readonly ClauseInfo[]): EntryJudgement {
  const { outcome } = entry;
  if (outcome.kind === 'refused') return { kind: 'refused', reason: outcome.reason };
  const runs: string[] = [];
  const notApplicable: string[] = [];
  const cannotRun: ClauseCannotRun[] = [];
  for (const clause of clauses) {
    const applicability = clauseApplicability(clause, outcome.profile);
    if (applicability.kind === 'runs') runs.push(clause.id);
    else if (applicability.kind === 'not-applicable') notApplicable.push(clause.id);
    else cannotRun.push({ clause: clause.id, reason: applicability.limit });
  }
  return { kind: 'checked', profile: outcome.profile, runs, notApplicable, cannotRun };
}

/** The reasons clauses cannot run, each once (a profile's limits), in clause order. */
export function cannotRunReasons(judgement: EntryJudgement): string[] {
  return judgement.kind === 'refused'
    ? []
    : [...new Set(judgement.cannotRun.map((each) => each.reason))];
}
