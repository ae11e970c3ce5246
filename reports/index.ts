/**
 * The `#reports` entry point: the results model, the vitest reporter that fills it, its schema
 * and the renderers. Explicit named re-exports only, no `export *`.
 */
export { applyExpectations, buildRunResults } from './build-run-results.ts';
export {
  CHANGE_FAIL_ON,
  type ChangeFailOn,
  type ChangeLevel,
  levelCounts,
  levelRank,
  levelTally,
} from './change-level.ts';
export { checkRecordFile, checkReportDir } from './check-report-dir.ts';
export { compareCodeUnits, type UnfinishedCases, uniqueClauses } from './collect-results.ts';
export { renderConformanceDoc } from './conformance-doc.ts';
export { type CollectedRun, ConformanceReporter } from './conformance-reporter.ts';
export { diffResults, type ResultsDiff, withChanges } from './diff-results.ts';
export { type Expectation, expectationFindings, loadExpectations } from './expectations.ts';
export { cellFindingLine } from './finding-view.ts';
export { groupCoverage, groupFindings } from './group-findings.ts';
export { markdownText, tableText } from './markdown.ts';
export { OUTCOME_WORDS } from './matrix-view.ts';
export { mergeShards, type ShardReport } from './merge-results.ts';
export { ProgressReporter } from './progress-reporter.ts';
export { renderMatrixText } from './render-matrix.ts';
export { renderMatrixMarkdown } from './render-matrix-markdown.ts';
export { DIFF_FORMATS, renderResultsDiff } from './render-results-diff.ts';
export { rerunCommand } from './reproduction.ts';
export {
  groupResultsDiff,
  renderChangesSinceBaseline,
  renderGroupedResultsDiff,
} from './results-diff-groups.ts';
export { readResults } from './results-files.ts';
export {
  type CancelSupport,
  type CellResult,
  type ClauseInfo,
  type ClauseOutcomeMeanings,
  type ClauseRequirement,
  type ClauseSource,
  type Exchange,
  FAIL_ON,
  type FailOn,
  type Outcome,
  RETRY_HEADER,
  type RunResults,
  type RunSummary,
  type Strength,
  type TargetInfo,
  type Verdict,
} from './results-model.ts';
export { isInvalidResultsError, resultsViolations } from './results-schema.ts';
export { upgradeResults } from './results-upgrade.ts';
export {
  REDACTED,
  SECRET_HEADERS,
  scrubDeep,
  scrubHeaders,
  scrubText,
  scrubUrl,
} from './scrub.ts';
export { forgetSecrets, registerSecret } from './secret-registry.ts';
export { shardOfCell } from './shard-of-cell.ts';
export type { ConformanceTaskMeta } from './task-meta.ts';
export { streamUsesColor } from './terminal-color.ts';
export { EXIT_CODE_OF_VERDICT, judge, judgeResults } from './verdict.ts';
export {
  clearReport,
  preloadReportRenderers,
  REPORT_FILES,
  type ReportPaths,
  writeReport,
} from './write-report.ts';
