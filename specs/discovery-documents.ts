/**
 * The Discovery side of specs/: the published Discovery documents kept in specs/discovery/ and
 * the cross-check of any Discovery document (stored or fetched) against a service's documents.
 * Callers above specs/ name services and files, never paths.
 */

import { readdirSync } from 'node:fs';
import { commonDocumentAsRead } from './common-document-view.ts';
import { discoveryDifferences } from './discovery-cross-check.ts';
import type { DiscoveryDifference } from './discovery-difference.ts';
import {
  COMMON_DOCUMENT_URL,
  DISCOVERY_DIRECTORY,
  displayPath,
  readJsonFile,
  SERVICES_DIRECTORY,
} from './document-files.ts';
import { loadCommonDocument, loadServiceDocument } from './load-profiles.ts';

/** File names of the stored Discovery documents, sorted. */
export function storedDiscoveryFiles(): string[] {
  return readdirSync(DISCOVERY_DIRECTORY)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

/** A stored Discovery document, parsed (a fresh copy each call). */
export function loadDiscoveryDocument(file: string): unknown {
  return readJsonFile(new URL(file, DISCOVERY_DIRECTORY));
}

/** `specs/services/<id>.openapi.json`: the file a service's facts come from, for messages. */
export function serviceDocumentFile(id: string): string {
  return displayPath(new URL(`${id}.openapi.json`, SERVICES_DIRECTORY));
}

/** How a Discovery document disagrees with the service's document and the shared components. */
export function serviceDiscoveryDifferences(
  serviceId: string,
  discovery: unknown,
  discoveryLabel: string,
): DiscoveryDifference[] {
  return discoveryDifferences({
    discovery,
    discoveryFile: discoveryLabel,
    document: loadServiceDocument(serviceId),
    documentFile: serviceDocumentFile(serviceId),
    // The schemas as the suite reads them (common-document-view.ts): null alternatives aside.
    common: commonDocumentAsRead(loadCommonDocument()),
    commonFile: displayPath(COMMON_DOCUMENT_URL),
  });
}
