/**
 * `lro-conformance`, the package's main entry point: the programmatic API (docs/API.md) and the
 * types a handlers module for `--target msw:` can check itself against (docs/MSW-TARGET.md).
 * Explicit named re-exports only, no `export *`: the public surface is this list.
 */

export {
  type ErrorCode,
  type ErrorFamily,
  isLroError,
  LroError,
} from '#base';
export type {
  CellResult,
  ClauseInfo,
  Exchange,
  FailOn,
  Outcome,
  RunResults,
  RunSummary,
  Strength,
  TargetInfo,
  Verdict,
} from '#reports';
export type { CancelMode, Scenario } from '../control/index.ts';
export type { RunConformanceOptions } from '../options/index.ts';
export type { MswTargetModule } from '../targets/index.ts';
export { exitCodeOf, runConformance } from './run-conformance.ts';
