/**
 * Drift (docs/DRIFT.md): each service's current Discovery document against its spec documents
 * (spec drift) and against the sentences its clauses quote (text drift), and the report in text
 * and Markdown. Explicit re-exports only.
 */
export {
  CATALOGUE_DRIFT_CHECKS,
  type CatalogueChange,
  type CatalogueDriftReport,
  type CatalogueKnown,
  catalogueDrift,
  type FolderDocument,
} from './catalogue-drift.ts';
export {
  type DiscoverySource,
  describeSource,
  discoverySourceOf,
  resolveDiscoverySources,
} from './discovery-source.ts';
export type { DriftChange } from './drift-change.ts';
export {
  buildDriftReport,
  DRIFT_FAIL_ON,
  type DriftFailOn,
  type DriftReport,
  type ServiceDriftStatus,
} from './drift-report.ts';
export { type LoadedDiscovery, readDiscovery } from './read-discovery.ts';
export {
  renderCatalogueDriftMarkdown,
  renderCatalogueDriftText,
} from './render-catalogue-drift.ts';
export { renderDriftMarkdown } from './render-drift-markdown.ts';
export { renderDriftText } from './render-drift-text.ts';
export { serviceDrift } from './service-drift.ts';
