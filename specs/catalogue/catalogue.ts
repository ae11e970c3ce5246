/**
 * The catalogue: every Google API that publishes a cancel, as specs/catalogue/ keeps the
 * published facts (specs/catalogue/README.md): the Discovery documents of 98 APIs (newest
 * version each, trimmed to their operations resources) and the CancelOperation HTTP rules of the
 * service configurations in googleapis/googleapis. Each API becomes one entry: its Discovery
 * document when it has one, else its service configuration at the newest version. Every entry is
 * generated from the data, never written by hand: a profile, or the reason the suite cannot
 * check its cancel.
 */
import { readdirSync } from 'node:fs';
import { isJsonObject } from '#base';
import { displayPath, readJsonFile } from '../document-files.ts';
import type { CancelTextStatus, ProfileDocument, ServiceProfile } from '../service-profile.ts';
import { publishedByDiscovery } from './discovery-service.ts';
import type { ShapeFamily } from './name-shapes.ts';
import { type ProfileOutcome, profileOfPublished } from './profile-of-published.ts';
import type { PublishedService } from './published-service.ts';
import {
  publishedByServiceConfig,
  readServiceConfigRules,
  rulesByService,
} from './service-config-service.ts';

export const CATALOGUE_DIRECTORY = new URL('./', import.meta.url);
const DISCOVERY_DIRECTORY = new URL('./discovery/', import.meta.url);
const INDEX_URL = new URL('./discovery/index.json', import.meta.url);
const RULES_URL = new URL('./service-config-cancel-rules.json', import.meta.url);
const DISAGREEMENTS_URL = new URL('./known-disagreements.json', import.meta.url);

export interface CatalogueEntry {
  /** The Discovery name (`aiplatform`), or the service name's first label for a configuration. */
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly document: ProfileDocument;
  /** How many cancels the document publishes. */
  readonly cancels: number;
  /** Every cancel's `{name=…}` binding, or its path where it binds no name; unique, the profile's first. */
  readonly shapes: readonly string[];
  readonly families: readonly ShapeFamily[];
  /** The cancels' body rules: all `*`, all none, or both. */
  readonly body: '*' | 'none' | 'both';
  /** Every cancel's text status; the entry's is non-standard if any is, else standard if any is. */
  readonly texts: Readonly<Record<CancelTextStatus, number>>;
  readonly textStatus: CancelTextStatus;
  /** A profile, or why the suite cannot check the API's cancel. */
  readonly outcome: ProfileOutcome;
  /** What the document publishes, cancel by cancel: what `drift --catalogue` compares. */
  readonly published: PublishedService;
}

/** An API whose Discovery document and service configuration disagree on CancelOperation. */
export interface KnownDisagreement {
  readonly api: string;
  /** What the Discovery document says. */
  readonly discovery: string;
  /** What the service configuration says. */
  readonly serviceConfig: string;
}

function entryOf(service: PublishedService): CatalogueEntry {
  const texts: Record<CancelTextStatus, number> = { standard: 0, 'non-standard': 0, none: 0 };
  for (const cancel of service.cancels) texts[cancel.text.status] += 1;
  const bodies = new Set(service.cancels.map((cancel) => cancel.body));
  const outcome = profileOfPublished(service);
  const primary = outcome.kind === 'profile' ? [outcome.profile.nameTemplate] : [];
  return {
    id: service.id,
    version: service.version,
    title: service.title,
    document: service.document,
    cancels: service.cancels.length,
    shapes: [
      ...new Set([...primary, ...service.cancels.map((cancel) => cancel.binding ?? cancel.path)]),
    ],
    families: [...new Set(service.cancels.map((cancel) => cancel.family))],
    body: bodies.size > 1 ? 'both' : bodies.has('*') ? '*' : 'none',
    texts,
    textStatus:
      texts['non-standard'] > 0 ? 'non-standard' : texts.standard > 0 ? 'standard' : 'none',
    outcome,
    published: service,
  };
}

interface IndexRow {
  readonly file: string;
  readonly api: string;
  readonly source?: string;
}

function indexRows(): IndexRow[] {
  const index = readJsonFile(INDEX_URL);
  if (!Array.isArray(index)) return [];
  return index.filter(isJsonObject).map((row) => ({
    file: String(row.file),
    api: String(row.api),
    ...(typeof row.source === 'string' ? { source: row.source } : {}),
  }));
}

function readCatalogue(): CatalogueEntry[] {
  const rows = indexRows();
  const listed = new Set(readdirSync(DISCOVERY_DIRECTORY));
  const discovery = rows
    .filter((row) => listed.has(row.file))
    .map((row) => {
      const url = new URL(row.file, DISCOVERY_DIRECTORY);
      return publishedByDiscovery(readJsonFile(url), {
        file: displayPath(url),
        ...(row.source === undefined ? {} : { source: row.source }),
      });
    });
  const apis = new Set(discovery.map((service) => service.id));
  const rules = readServiceConfigRules(readJsonFile(RULES_URL), displayPath(RULES_URL));
  const configured = [...rulesByService(rules).values()]
    .map((serviceRules) => publishedByServiceConfig(serviceRules, displayPath(RULES_URL)))
    .filter((service) => !apis.has(service.id));
  return [...discovery, ...configured].map(entryOf).sort((a, b) => a.id.localeCompare(b.id));
}

let cached: readonly CatalogueEntry[] | undefined;

/** Every catalogue entry, sorted by id; generated from specs/catalogue/ on the first call. */
export function catalogueEntries(): readonly CatalogueEntry[] {
  cached ??= Object.freeze(readCatalogue());
  return cached;
}

/** The profiles of every entry the suite can check, sorted by id. */
export function catalogueProfiles(): readonly ServiceProfile[] {
  return catalogueEntries().flatMap((entry) =>
    entry.outcome.kind === 'profile' ? [entry.outcome.profile] : [],
  );
}

/** The APIs recorded in known-disagreements.json, sorted by API. */
export function knownDisagreements(): KnownDisagreement[] {
  const document = readJsonFile(DISAGREEMENTS_URL);
  const apis = isJsonObject(document) && Array.isArray(document.apis) ? document.apis : [];
  return apis
    .filter(isJsonObject)
    .map((row) => ({
      api: String(row.api),
      discovery: String(row.discovery),
      serviceConfig: String(row.serviceConfig),
    }))
    .sort((a, b) => a.api.localeCompare(b.api));
}
