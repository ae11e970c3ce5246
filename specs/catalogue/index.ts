/**
 * Profiles from published documents (specs/catalogue/README.md): the catalogue of Google APIs
 * that publish a cancel, generated from the Discovery documents and service-configuration HTTP
 * rules kept here, and a team's own document (`--service-document`). Explicit re-exports only.
 */
export { cancelTextOf, STANDARD_CANCEL_TEXT, textSays, withoutMarkup } from './cancel-text.ts';
export {
  type CatalogueEntry,
  catalogueEntries,
  catalogueProfiles,
  type KnownDisagreement,
  knownDisagreements,
} from './catalogue.ts';
export { publishedByDiscovery } from './discovery-service.ts';
export { SHAPE_FAMILIES, type ShapeFamily } from './name-shapes.ts';
export type { PublishedCancel, PublishedService } from './published-service.ts';
export {
  documentKind,
  profileFromServiceDocument,
  readServiceDocument,
} from './service-document.ts';
