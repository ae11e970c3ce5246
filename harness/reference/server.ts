/**
 * `lro-conformance/server`: the reference implementation as a real HTTP server on 127.0.0.1,
 * for tests whose client runs in another process or speaks raw HTTP (docs/REFERENCE.md):
 *
 *     import { startReferenceServer } from 'lro-conformance/server';
 *     const server = await startReferenceServer({ port: 0 });
 *     // ... point the client at server.baseUrl, drive it through server.controlUrl ...
 *     await server.close();
 *
 * `profiles: [readServiceDocument('./my-api.json')]` serves a team's own service instead of the
 * five seed services (docs/SERVICE-DOCUMENTS.md); `catalogueProfiles()` every catalogue API.
 */

export { isLroError, LroError } from '#base';
export { catalogueProfiles, readServiceDocument, type ServiceProfile } from '#specs';
export { CANCEL_MODES, type CancelMode, SCENARIOS, type Scenario } from '../control/index.ts';
export type { AuthOptions } from './model/auth.ts';
export type { ReferenceModel, ReferenceModelOptions } from './model/reference-model.ts';
export {
  type ReferenceServer,
  type ReferenceServerOptions,
  startReferenceServer,
} from './reference-server.ts';
