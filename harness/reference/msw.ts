/**
 * `lro-conformance/msw`: the reference implementation of operations.get and operations.cancel as
 * MSW handlers, for client developers' tests (docs/REFERENCE.md):
 *
 *     import { setupServer } from 'msw/node';
 *     import { createReferenceHandlers } from 'lro-conformance/msw';
 *     const server = setupServer(...createReferenceHandlers());
 */

export type { OperationJson } from '#specs';
export { CANCEL_MODES, type CancelMode, SCENARIOS, type Scenario } from '../control/index.ts';
export type { AuthOptions } from './model/auth.ts';
export {
  createReferenceModel,
  type ReferenceModel,
  type ReferenceModelOptions,
} from './model/reference-model.ts';
export { createReferenceFetch, type ReferenceFetch } from './reference-fetch.ts';
export { createReferenceHandlers, type ReferenceHandlersOptions } from './reference-handlers.ts';
