/**
 * The services a run checks beyond the five seeds: a team's own service documents
 * (`--service-document FILE`, docs/SERVICE-DOCUMENTS.md) and the catalogue of Google APIs that
 * publish a cancel (`--catalogue`, docs/CATALOGUE.md). Their profiles are generated here, in the
 * CLI's thread, handed to specs so that every check of the options knows them, and travel to the
 * worker in the RunConfig as plain data. A document that cannot become a profile is one line that
 * names the option, the file, the field and the fix (exit 2).
 */
import { isLroError, UsageError, usageError } from '#base';
import {
  catalogueProfiles,
  readServiceDocument,
  type ServiceProfile,
  useServiceProfiles,
} from '#specs';
import type { OptionTerms } from './option-terms.ts';
import type { RunOptionValues } from './run-option-table.ts';

export function runProfiles(
  values: Pick<RunOptionValues, 'catalogue' | 'serviceDocuments'>,
  terms: OptionTerms,
): ServiceProfile[] {
  const byId = new Map<string, ServiceProfile>();
  if (values.catalogue === true) {
    for (const profile of catalogueProfiles()) byId.set(profile.id, profile);
  }
  const fromDocument = new Map<string, string>();
  for (const file of values.serviceDocuments ?? []) {
    const profile = documentProfile(file, terms);
    const earlier = fromDocument.get(profile.id);
    if (earlier !== undefined) {
      throw usageError(
        `${terms.name('serviceDocuments')} ${file}: describes the service "${profile.id}", as ${earlier} does; give each service once`,
      );
    }
    fromDocument.set(profile.id, file);
    byId.set(profile.id, profile);
  }
  const profiles = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  useServiceProfiles(profiles);
  return profiles;
}

function documentProfile(file: string, terms: OptionTerms): ServiceProfile {
  try {
    return readServiceDocument(file);
  } catch (error) {
    if (isLroError(error) && error.family === 'usage') {
      throw new UsageError(`${terms.name('serviceDocuments')} ${error.message}`, {
        code: 'INVALID_FILE',
        cause: error,
      });
    }
    throw error;
  }
}
