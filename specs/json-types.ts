/**
 * Named types over the generated ones (specs/generated/, from specs/common.openapi.json and the
 * service documents), for code that handles the wire JSON or builds a typed client.
 */
import type { CommonComponents, ServicePaths } from './generated/index.ts';

type Schemas = CommonComponents['schemas'];

/** google.longrunning.Operation as JSON. */
export type OperationJson = Schemas['Operation'];
/** google.rpc.Status as JSON (inside `Operation.error`). */
export type StatusJson = Schemas['Status'];
/** google.protobuf.Empty as JSON: `{}`. */
export type EmptyJson = Schemas['Empty'];
/** The AIP-193 HTTP/1.1+JSON error body. */
export type ErrorEnvelopeJson = Schemas['ErrorEnvelope'];

/**
 * The cancel and get routes spelled with version `v1`, taken from a service whose cancel takes
 * an optional JSON body (datafusion) so both `{}` and no body type-check. Every service shares
 * this shape; a client substitutes `profile.version` for `v1` at run time.
 */
export type OperationsPaths = Pick<ServicePaths['datafusion'], '/v1/{name}:cancel' | '/v1/{name}'>;
