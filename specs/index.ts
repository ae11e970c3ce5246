/**
 * The specs layer (`#specs`): service profiles read from the OpenAPI documents in
 * specs/services/, the parsed documents for validators, the generated types and the
 * google.rpc.Code table, and the seed pages the clauses quote. specs/ is the bottom layer and imports nothing above it.
 */
export { type CrossCheckSides, discoveryDifferences } from './discovery-cross-check.ts';
export {
  ABSENT,
  type DiscoveryAspectKind,
  type DiscoveryDifference,
} from './discovery-difference.ts';
export {
  loadDiscoveryDocument,
  serviceDiscoveryDifferences,
  serviceDocumentFile,
  storedDiscoveryFiles,
} from './discovery-documents.ts';
export { discoveryOperationsMethods, discoverySchemas } from './discovery-methods.ts';
export { RELIED_ON_SCHEMAS } from './discovery-schema-check.ts';
export { BAD_REQUEST_TYPE, ERROR_INFO_TYPE, RETRY_INFO_TYPE } from './error-detail-types.ts';
export type { CommonComponents, ServicePaths } from './generated/index.ts';
export type {
  EmptyJson,
  ErrorEnvelopeJson,
  OperationJson,
  OperationsPaths,
  StatusJson,
} from './json-types.ts';
export {
  loadCommonDocument,
  loadServiceDocument,
  loadServiceProfiles,
  serviceIds,
  serviceProfile,
} from './load-profiles.ts';
export { readSeed } from './read-seed.ts';
export {
  RPC_CODES,
  type RpcCodeEntry,
  type RpcCodeName,
  rpcCodeByName,
  rpcCodeByNumber,
  rpcCodeNamesForHttpStatus,
} from './rpc-code.ts';
export type {
  CancelBodyRule,
  OperationsMethod,
  Provenance,
  ServiceProfile,
  SuccessBodyWording,
} from './service-profile.ts';
export { isSpecsDocumentError, SpecsDocumentError } from './specs-document-error.ts';
