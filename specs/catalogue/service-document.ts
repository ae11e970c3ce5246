/**
 * A team's own service document (`--service-document FILE`): a Discovery document
 * (https://developers.google.com/discovery/v1/reference/apis) or a document in the project's
 * OpenAPI form (specs/README.md), told apart by their content, never by the file name. Either
 * becomes a ServiceProfile exactly as the catalogue's and the seeds' do. A document that cannot
 * become one is the user's input to fix: one line naming the file, the field and the fix
 * (exit 2, code INVALID_FILE), never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isJsonObject, UsageError } from '#base';
import { profileFromOpenApiDocument } from '../profile-from-document.ts';
import type { ServiceProfile } from '../service-profile.ts';
import { isSpecsDocumentError } from '../specs-document-error.ts';
import { publishedByDiscovery } from './discovery-service.ts';
import { profileOfPublished } from './profile-of-published.ts';

const HELP = 'docs/SERVICE-DOCUMENTS.md';

/** Which form a parsed document is in, by its content. */
export function documentKind(document: unknown): 'discovery' | 'openapi' | undefined {
  if (!isJsonObject(document)) return undefined;
  if (
    document.kind === 'discovery#restDescription' ||
    typeof document.discoveryVersion === 'string'
  )
    return 'discovery';
  if (typeof document.openapi === 'string') return 'openapi';
  return undefined;
}

function invalid(message: string, cause?: unknown): UsageError {
  return new UsageError(message, {
    code: 'INVALID_FILE',
    ...(cause === undefined ? {} : { cause }),
  });
}

/** The profile a parsed document gives; `file` names it in every message. */
export function profileFromServiceDocument(document: unknown, file: string): ServiceProfile {
  const kind = documentKind(document);
  if (kind === undefined) {
    throw invalid(
      `${file}: is neither a Discovery document ("kind": "discovery#restDescription") nor an OpenAPI document in lro-conformance's form ("openapi": "3.1.0" with "x-google-service"); see ${HELP}`,
    );
  }
  try {
    if (kind === 'openapi') return profileFromOpenApiDocument(document, file);
    const outcome = profileOfPublished(publishedByDiscovery(document, { file }));
    if (outcome.kind === 'refused') {
      throw invalid(
        `${file}: lro-conformance cannot check this service's cancel: ${outcome.reason}`,
      );
    }
    return outcome.profile;
  } catch (error) {
    if (!isSpecsDocumentError(error)) throw error;
    const place = error.where === '' ? file : `${file} at ${error.where}`;
    throw invalid(`${place}: ${error.problem} (${HELP})`, error);
  }
}

/** Reads and parses `path` (relative to the working directory) into a profile. */
export function readServiceDocument(path: string): ServiceProfile {
  let text: string;
  try {
    text = readFileSync(resolve(path), 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw invalid(
      `${path}: cannot be read (${reason}); give the path of a Discovery or OpenAPI JSON document`,
      error,
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw invalid(
      `${path}: is not JSON (${(error as Error).message.replace(/\s+/g, ' ')}); a service document is a Discovery document or an OpenAPI document in JSON`,
      error,
    );
  }
  return profileFromServiceDocument(document, path);
}
