/**
 * The targets: what the suites talk to for one service, made from a run's TargetConfig in the
 * worker that runs them (`targetFor`), and the check of a handlers module that the CLI's thread
 * has made before a run, in a worker thread of its own (harness/options/msw-module-check-worker.ts).
 * Explicit re-exports only.
 */
export { InvalidMswModuleError, loadMswModule, type MswTargetModule } from './msw-module.ts';
export type { RunMemo } from './run-memo.ts';
export type { Target } from './target.ts';
export { targetFor } from './target-for.ts';
