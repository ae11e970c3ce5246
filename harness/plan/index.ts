/**
 * What a run is to do, as plain data the front doors build and the worker that runs the suites
 * receives: the RunConfig and TargetConfig with their defaults, the clauses a run can select,
 * the names its probes use, and how results.json describes its target. Light to import: the
 * CLI's thread reads it without loading the targets, the clause runtime or MSW. Explicit
 * re-exports only.
 */
export {
  type ClauseCannotRun,
  cannotRunReasons,
  type EntryJudgement,
  judgeEntry,
} from './catalogue-summary.ts';
export { type ClauseApplicability, clauseApplicability } from './clause-applicability.ts';
export { absentId, absentName, newProbeSeed, parentOf } from './probe-names.ts';
export {
  DEFAULT_DEADLINE_MS,
  defaultRunConfig,
  EMBEDDED_SETTLE_MS,
  type RunConfig,
  URL_SETTLE_MS,
} from './run-config.ts';
export {
  LOAD_FAILURE_TITLE,
  listClauseIds,
  PACKAGE_ROOT,
  SUITE_GLOB,
  suiteExtension,
  suiteFileOf,
} from './suite-catalogue.ts';
export type { TargetConfig } from './target-config.ts';
export { embeddedTargetInfo, targetInfo } from './target-info.ts';
