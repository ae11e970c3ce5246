/**
 * Loads every service document in specs/services/ into a ServiceProfile, synchronously and once:
 * the five seed services. A sixth seed is a data change: drop `<id>.openapi.json` into
 * specs/services/ and it is listed here (specs/README.md, "How to add a service").
 *
 * A run may check more services than the seeds: profiles generated from a user's document
 * (`--service-document`) or from the catalogue (`--catalogue`). The run hands them here once
 * (useServiceProfiles), in the CLI's thread and in the worker that runs the suites, so that every
 * part that looks a service up by id finds them. A generated profile with a seed's id (the
 * catalogue's checks, datafusion, admanager) stands in for the seed's for that run.
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
import type { SeedServiceProfile, ServiceProfile } from './service-profile.ts';
import { SpecsDocumentError } from './specs-document-error.ts';

let cached: readonly SeedServiceProfile[] | undefined;
let extra: readonly ServiceProfile[] = [];
let known: readonly ServiceProfile[] | undefined;
/** `known` by id: a catalogue run looks services up by id on every request. */
let knownById: ReadonlyMap<string, ServiceProfile> | undefined;

/** Every seed profile (specs/services/), sorted by id; read from disk on the first call only. */
export function loadServiceProfiles(): readonly SeedServiceProfile[] {
  cached ??= readServiceProfiles(SERVICES_DIRECTORY);
  return cached;
}

/** Reads the profiles of any directory of service documents, uncached (tests use a copy). */
export function readServiceProfiles(directory: URL): readonly SeedServiceProfile[] {
  const profiles = serviceDocumentUrls(directory).map((url) =>
    Object.freeze(profileFromDocument(readJsonFile(url), displayPath(url), serviceIdOfUrl(url))),
  );
  return Object.freeze(profiles);
}

/**
 * The profiles this process checks beyond the seeds, replacing the ones set before (a run sets
 * its own; an empty list goes back to the seeds alone).
 */
export function useServiceProfiles(profiles: readonly ServiceProfile[]): void {
  extra = profiles;
  known = undefined;
  knownById = undefined;
}

/** The profiles set by useServiceProfiles, as given. */
export function addedServiceProfiles(): readonly ServiceProfile[] {
  return extra;
}

/** The seeds and the profiles the run added, sorted by id; one array until the next change. */
export function knownServiceProfiles(): readonly ServiceProfile[] {
  if (known === undefined) {
    const added = new Set(extra.map((profile) => profile.id));
    known = Object.freeze(
      [...loadServiceProfiles().filter((seed) => !added.has(seed.id)), ...extra].sort((a, b) =>
        a.id.localeCompare(b.id),
      ),
    );
  }
  return known;
}

export function serviceProfile(id: string): ServiceProfile | undefined {
  knownById ??= new Map(knownServiceProfiles().map((profile) => [profile.id, profile]));
  return knownById.get(id);
}

/** A seed profile, as its document in specs/services/ describes it. */
export function seedProfile(id: string): SeedServiceProfile | undefined {
  return loadServiceProfiles().find((profile) => profile.id === id);
}

/** Every known service id: the seeds, and whatever the run added. */
export function serviceIds(): string[] {
  return knownServiceProfiles().map((profile) => profile.id);
}

/** The seed services' ids: what a run checks when it is told nothing else. */
export function seedServiceIds(): string[] {
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
