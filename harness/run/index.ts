/**
 * One conformance run, for the front doors: the pipeline from options to a results document,
 * and the clause catalogue as vitest collects it (`list`, `drift`). The worker's own entry,
 * run-entry.ts, is handed to vitest by path. Explicit re-exports only.
 */
export { collectClauses } from './collect-clauses.ts';
export { type RunOutcome, runPipeline } from './run-pipeline.ts';
