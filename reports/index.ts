/**
 * The `#reports` entry point: the results model, the vitest reporter that fills it, its schema
 * and the renderers. Explicit named re-exports only, no `export *`.
 */
export { answerFingerprint, exchangeFingerprint } from './answer-fingerprint.ts';
export {
  applyExpectations,
  type BuildRunResultsInput,
  buildRunResults,
  summarise,
} from './build-run-results.ts';
export {
  CHANGE_FAIL_ON,
  CHANGE_LEVELS,
  type ChangeFailOn,
  type ChangeLevel,
  levelCounts,
  levelRank,
  levelTally,
} from './change-level.ts';
export { checkReportDir } from './check-report-dir.ts';
export {
  collectCells,
  collectClauses,
  collectRequests,
  compareCodeUnits,
  outcomeOf,
  type ReportedCase,
  type ReportedState,
  uniqueClauses,
} from './collect-results.ts';
export { CONFORMANCE_DOC_HEADER, renderConformanceDoc } from './conformance-doc.ts';
export {
  type CollectedRun,
  ConformanceReporter,
  type ConformanceReporterOptions,
  toReportedCase,
} from './conformance-reporter.ts';
export {
  diffResults,
  RESULTS_CHANGE_KINDS,
  type ResultsChange,
  type ResultsChangeKind,
  type ResultsDiff,
  type RunIdentity,
  withChanges,
} from './diff-results.ts';
export {
  EXPECTATIONS_SCHEMA_URL,
  EXPECTATIONS_VERSION,
  type Expectation,
  expectationFindings,
  expectationStatus,
  loadExpectations,
  parseExpectations,
} from './expectations.ts';
export {
  type ClauseCoverage,
  type FindingGroup,
  groupCoverage,
  groupFindings,
  messageSignature,
} from './group-findings.ts';
export { tableText } from './markdown.ts';
export { OUTCOME_WORDS, verdictSentence } from './matrix-view.ts';
export { mergeShards, type ShardReport } from './merge-results.ts';
export {
  type ProgressMode,
  ProgressReporter,
  type ProgressReporterOptions,
  type ProgressStream,
  progressMode,
} from './progress-reporter.ts';
export {
  REDACTED,
  redactDeep,
  redactHeaders,
  redactText,
  SECRET_HEADERS,
  scrubHeaders,
  scrubUrl,
} from './redact.ts';
export { type MatrixTextOptions, renderMatrixText } from './render-matrix.ts';
export {
  DIFF_FORMATS,
  type DiffFormat,
  diffVerdict,
  renderResultsDiff,
  renderResultsDiffMarkdown,
  renderResultsDiffText,
} from './render-results-diff.ts';
export {
  type CancelSupport,
  type CellExpectation,
  type CellResult,
  CLAUSE_REQUIREMENTS,
  type ClauseInfo,
  type ClauseOutcomeMeanings,
  type ClauseRequirement,
  type ClauseSource,
  type Exchange,
  FAIL_ON,
  type FailOn,
  OUTCOMES,
  type Outcome,
  RESULTS_SCHEMA_VERSION,
  type RunResults,
  type RunSettings,
  type RunSummary,
  type Strength,
  type TargetInfo,
  type TargetKind,
  VERDICTS,
  type Verdict,
} from './results-model.ts';
export {
  assertValidRunResults,
  InvalidResultsError,
  isInvalidResultsError,
  RESULTS_SCHEMA_URL,
  readResultsSchema,
  resultsViolations,
} from './results-schema.ts';
export { scrubFile } from './scrub-file.ts';
export {
  forgetSecrets,
  MIN_SECRET_LENGTH,
  registeredSecretCount,
  registerSecret,
} from './secret-registry.ts';
export { fnv1a32, shardOfCell } from './shard-of-cell.ts';
export type { ConformanceTaskMeta } from './task-meta.ts';
export {
  type ColorContext,
  paintOutcome,
  shouldUseColor,
  streamUsesColor,
} from './terminal-color.ts';
export {
  cellCounts,
  EXIT_CODE_OF_VERDICT,
  type JudgeInput,
  type Judgement,
  judge,
  judgeResults,
} from './verdict.ts';
export {
  clearReport,
  preloadReportRenderers,
  REPORT_FILES,
  type ReportPaths,
  writeReport,
} from './write-report.ts';
