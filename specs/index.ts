/**
 * The specs layer (`#specs`): service profiles read from the OpenAPI documents in
 * specs/services/, the parsed documents for validators, the generated types and the
 * google.rpc.Code table, and the seed pages the clauses quote. specs/ is the bottom layer and imports nothing above it.
 */

export {
  type CatalogueEntry,
  cancelTextOf,
  catalogueEntries,
  catalogueProfiles,
  documentKind,
  type KnownDisagreement,
  knownDisagreements,
  type PublishedCancel,
  type PublishedService,
  profileFromServiceDocument,
  publishedByDiscovery,
  readServiceDocument,
  SHAPE_FAMILIES,
  type ShapeFamily,
  STANDARD_CANCEL_TEXT,
  textSays,
  withoutMarkup,
} from './catalogue/index.ts';
export { commonDocumentAsRead } from './common-document-view.ts';
export { ABSENT, type DiscoveryDifference } from './discovery-difference.ts';
export {
  loadDiscoveryDocument,
  serviceDiscoveryDifferences,
  serviceDocumentFile,
  storedDiscoveryFiles,
} from './discovery-documents.ts';
export { discoveryOperationsMethods, discoverySchemas } from './discovery-methods.ts';
export { RELIED_ON_SCHEMAS } from './discovery-schema-check.ts';
export { BAD_REQUEST_TYPE, ERROR_INFO_TYPE, RETRY_INFO_TYPE } from './error-detail-types.ts';
export { nameVariableOf } from './http-rule.ts';
export type { OperationJson, OperationsPaths } from './json-types.ts';
export {
  addedServiceProfiles,
  knownServiceProfiles,
  loadCommonDocument,
  loadServiceProfiles,
  seedProfile,
  seedServiceIds,
  serviceIds,
  serviceProfile,
  useServiceProfiles,
} from './load-profiles.ts';
export {
  describeOperation,
  OPERATION_STATES,
  type OperationState,
  operationState,
} from './operation-state.ts';
export {
  expandPath,
  matchName,
  matchPath,
  type PathTemplate,
  type PlainSegment,
  parsePathTemplate,
  parseSegmentsTemplate,
  sampleNames,
} from './path-template/index.ts';
export { readSeed } from './read-seed.ts';
export {
  RPC_CODES,
  type RpcCodeName,
  rpcCodeByName,
  rpcCodeByNumber,
  rpcCodeNamesForHttpStatus,
} from './rpc-code.ts';
export type {
  CancelTextStatus,
  OperationsCall,
  OperationsMethod,
  ProfileDocument,
  ProfileLimit,
  SeedServiceProfile,
  ServiceProfile,
} from './service-profile.ts';
