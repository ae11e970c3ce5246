/**
 * Where the specs data lives and how it is read: service documents in specs/services/, shared
 * components in specs/common.openapi.json, seed pages in specs/seeds/, Discovery copies in
 * specs/discovery/. Paths resolve from this module (`import.meta.url`), never from the cwd.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SpecsDocumentError } from './specs-document-error.ts';

export const SPECS_DIRECTORY = new URL('./', import.meta.url);
export const SERVICES_DIRECTORY = new URL('./services/', import.meta.url);
export const SEEDS_DIRECTORY = new URL('./seeds/', import.meta.url);
export const DISCOVERY_DIRECTORY = new URL('./discovery/', import.meta.url);
export const COMMON_DOCUMENT_URL = new URL('./common.openapi.json', import.meta.url);
export const SERVICE_DOCUMENT_SUFFIX = '.openapi.json';

export const REPOSITORY_ROOT = new URL('../', import.meta.url);

/** `specs/services/checks.openapi.json` inside this repository, the absolute path elsewhere. */
export function displayPath(url: URL): string {
  return url.href.startsWith(REPOSITORY_ROOT.href)
    ? decodeURIComponent(url.href.slice(REPOSITORY_ROOT.href.length))
    : fileURLToPath(url);
}

/** The service document files of a directory, sorted so every listing is deterministic. */
export function serviceDocumentUrls(directory: URL = SERVICES_DIRECTORY): URL[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith(SERVICE_DOCUMENT_SUFFIX))
    .sort()
    .map((name) => new URL(name, directory));
}

export function serviceIdOfUrl(url: URL): string {
  const name = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  return decodeURIComponent(name.slice(0, -SERVICE_DOCUMENT_SUFFIX.length));
}

export function readTextFile(url: URL): string {
  try {
    return readFileSync(url, 'utf8');
  } catch (cause) {
    throw new SpecsDocumentError(displayPath(url), '', 'cannot be read', { cause });
  }
}

export function readJsonFile(url: URL): unknown {
  const text = readTextFile(url);
  try {
    return JSON.parse(text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new SpecsDocumentError(displayPath(url), '', `is not valid JSON (${reason})`, { cause });
  }
}
