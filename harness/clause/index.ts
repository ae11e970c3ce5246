/**
 * The clause runtime, in the worker that runs the suites: clause metadata, `conformanceTest`,
 * the clause context a suite's check receives, and the shared rules for reading answers.
 * `#harness` passes on what a suite file needs of it. Explicit re-exports only.
 */

export { describeOperation, operationState } from '#specs';
export { conformanceTest } from './conformance-test.ts';
export {
  aipSource,
  defineClause,
  protoSource,
  rfcSource,
  seedSources,
  servicesWhere,
} from './define-clause.ts';
export { isEmptyJsonObject } from './json-shapes.ts';
export { isJsonMediaType } from './media-type.ts';
