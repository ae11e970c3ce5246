/**
 * Loads every service document in specs/services/ into a ServiceProfile, synchronously and once.
 * A sixth service is a data change: drop `<id>.openapi.json` into specs/services/ and it is
 * listed here (specs/README.md, "How to add a service").
 */
import {
  COMMON_DOCUMENT_URL,
  displayPath,
  readJsonFile,
  SERVICES_DIRECTORY,
  serviceDocumentUrls,
  serviceIdOfUrl,
} from './document-files.ts';
import { profileFromDocument } from './profile-from-document.ts';
import type { ServiceProfile } from './service-profile.ts';
import { SpecsDocumentError } from './specs-document-error.ts';

let cached: readonly ServiceProfile[] | undefined;

/** Every service profile, sorted by id; read from disk on the first call only. */
export function loadServiceProfiles(): readonly ServiceProfile[] {
  cached ??= readServiceProfiles(SERVICES_DIRECTORY);
  return cached;
}

/** Reads the profiles of any directory of service documents, uncached (tests use a copy). */
export function readServiceProfiles(directory: URL): readonly ServiceProfile[] {
  const profiles = serviceDocumentUrls(directory).map((url) =>
    Object.freeze(profileFromDocument(readJsonFile(url), displayPath(url), serviceIdOfUrl(url))),
  );
  return Object.freeze(profiles);
}

export function serviceProfile(id: string): ServiceProfile | undefined {
  return loadServiceProfiles().find((profile) => profile.id === id);
}

export function serviceIds(): string[] {
  return loadServiceProfiles().map((profile) => profile.id);
}

/** The parsed service document, a fresh copy each call (validators may annotate it). */
export function loadServiceDocument(id: string): unknown {
  const url = serviceDocumentUrls().find((candidate) => serviceIdOfUrl(candidate) === id);
  if (url === undefined) {
    const known = serviceDocumentUrls().map(serviceIdOfUrl).join(', ');
    throw new SpecsDocumentError(
      displayPath(new URL(`${id}.openapi.json`, SERVICES_DIRECTORY)),
      '',
      `does not exist: there is no service "${id}" (known: ${known})`,
    );
  }
  return readJsonFile(url);
}

/** The parsed shared components (specs/common.openapi.json), a fresh copy each call. */
export function loadCommonDocument(): unknown {
  return readJsonFile(COMMON_DOCUMENT_URL);
}
