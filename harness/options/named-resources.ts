/**
 * What the user names for a run over HTTP, checked against each service's operation name
 * template (googleapis `google/api/http.proto` bindings, AIP-122 resource names):
 *
 * - `parents` (`--parent SERVICE=PREFIX`): the leading segments of names the caller owns; probe
 *   names are made by appending an id that cannot exist, so the prefix must leave the id's
 *   wildcard free;
 * - `operations` (`--operation SERVICE=NAME`): an existing operation, read but never changed;
 * - `allowCancel` (`--allow-cancel SERVICE=NAME`): an existing operation the run may cancel, once.
 */
import { usageError } from '#base';
import { matchName, parseSegmentsTemplate, serviceProfile } from '#specs';
import { placeholderFor } from '../http/index.ts';
import { absentName } from '../plan/index.ts';
import type { OptionTerms } from './option-terms.ts';
import type { RunOptionValues } from './run-option-table.ts';
import { oneEach, serviceEntries } from './service-values.ts';

export interface NamedResources {
  readonly parents: Readonly<Record<string, string>>;
  readonly operations: Readonly<Record<string, string>>;
  readonly cancellable: Readonly<Record<string, string>>;
}

export function namedResources(
  values: Pick<RunOptionValues, 'parents' | 'operations' | 'allowCancel'>,
  selected: readonly string[] | undefined,
  terms: OptionTerms,
): NamedResources {
  const byService = (option: 'parents' | 'operations' | 'allowCancel') =>
    oneEach(terms.name(option), serviceEntries(values, option, selected, terms));
  const parents = byService('parents');
  for (const [service, parent] of Object.entries(parents)) {
    checkParent(terms.entry('parents', service), service, parent);
  }
  const names = (option: 'operations' | 'allowCancel') => {
    const named = byService(option);
    for (const [service, name] of Object.entries(named)) {
      checkName(terms.entry(option, service), service, name);
    }
    return named;
  };
  return { parents, operations: names('operations'), cancellable: names('allowCancel') };
}

function templateOf(service: string): string {
  const template = serviceProfile(service)?.nameTemplate;
  if (template === undefined) throw usageError(`unknown service "${service}"`);
  return template;
}

/** `entry` names the option's entry for `service`: `--parent checks`, `parents.checks`. */
function checkParent(entry: string, service: string, parent: string): void {
  const template = templateOf(service);
  const problem = `${entry}=${parent} is not the leading part of ${service}'s operation names (${template})`;
  try {
    placeholderFor(parent, template, service);
    const probe = absentName(template, 'lro-conformance-absent', parent);
    if (!matchName(parseSegmentsTemplate(template), probe)) throw new Error(problem);
  } catch {
    throw usageError(`${problem}, with room for an operation id after it`);
  }
}

function checkName(entry: string, service: string, name: string): void {
  const template = templateOf(service);
  if (
    name.split('/').some((segment) => segment === '') ||
    !matchName(parseSegmentsTemplate(template), name)
  ) {
    throw usageError(`${entry}=${name} is not a ${service} operation name (${template})`);
  }
}
