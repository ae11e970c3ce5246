/**
 * `lro-conformance/msw`: the reference implementation of operations.get and operations.cancel as
 * MSW handlers, for client developers' tests (docs/REFERENCE.md):
 *
 *     import { setupServer } from 'msw/node';
 *     import { createReferenceHandlers } from 'lro-conformance/msw';
 *     const server = setupServer(...createReferenceHandlers());
 *
 * For a team's own service, give its profile, read from its Discovery or OpenAPI document
 * (docs/SERVICE-DOCUMENTS.md); `catalogueProfiles()` gives every API of the catalogue:
 *
 *     createReferenceHandlers({ profiles: [readServiceDocument('./my-api.discovery.json')] });
 */

export type { OperationJson } from '#specs';
export { catalogueProfiles, readServiceDocument, type ServiceProfile } from '#specs';
export { CANCEL_MODES, type CancelMode, SCENARIOS, type Scenario } from '../control/index.ts';
export type { AuthOptions } from './model/auth.ts';
export {
  createReferenceModel,
  type ReferenceModel,
  type ReferenceModelOptions,
} from './model/reference-model.ts';
export { createReferenceFetch, type ReferenceFetch } from './reference-fetch.ts';
export { createReferenceHandlers, type ReferenceHandlersOptions } from './reference-handlers.ts';
