/**
 * What the user names for a run over HTTP, checked against each service's operation name
 * template (googleapis `google/api/http.proto` bindings, AIP-122 resource names):
 *
 * - `--parent SERVICE=PREFIX`: the leading segments of names the caller owns; probe names are
 *   made by appending an id that cannot exist, so the prefix must leave the id's wildcard free;
 * - `--operation SERVICE=NAME`: an existing operation, read but never changed;
 * - `--allow-cancel SERVICE=NAME`: an existing operation the run may cancel, once.
 */
import { usageError } from '#base';
import { serviceProfile } from '#specs';
import { matchName, parseSegmentsTemplate } from '../../specs/path-template/index.ts';
import { absentName } from '../clause/probe-names.ts';
import { placeholderFor } from '../http/recording/parent-placeholders.ts';
import { oneEach, serviceValues } from './service-values.ts';

export interface NamedResources {
  readonly parents: Readonly<Record<string, string>>;
  readonly operations: Readonly<Record<string, string>>;
  readonly cancellable: Readonly<Record<string, string>>;
}

export interface NamedResourceFlags {
  readonly parent?: readonly string[] | undefined;
  readonly operation?: readonly string[] | undefined;
  readonly 'allow-cancel'?: readonly string[] | undefined;
}

export function namedResources(
  flags: NamedResourceFlags,
  selected: readonly string[] | undefined,
): NamedResources {
  const parents = oneEach('parent', serviceValues('parent', flags.parent, selected));
  for (const [service, parent] of Object.entries(parents)) checkParent(service, parent);
  const names = (flag: 'operation' | 'allow-cancel') => {
    const byService = oneEach(flag, serviceValues(flag, flags[flag], selected));
    for (const [service, name] of Object.entries(byService)) checkName(flag, service, name);
    return byService;
  };
  return { parents, operations: names('operation'), cancellable: names('allow-cancel') };
}

function templateOf(service: string): string {
  const template = serviceProfile(service)?.nameTemplate;
  if (template === undefined) throw usageError(`unknown service "${service}"`);
  return template;
}

function checkParent(service: string, parent: string): void {
  const template = templateOf(service);
  const problem = `--parent ${service}=${parent} is not the leading part of ${service}'s operation names (${template})`;
  try {
    placeholderFor(parent, template, service);
    const probe = absentName(template, 'lro-conformance-absent', parent);
    if (!matchName(parseSegmentsTemplate(template), probe)) throw new Error(problem);
  } catch {
    throw usageError(`${problem}, with room for an operation id after it`);
  }
}

function checkName(flag: string, service: string, name: string): void {
  const template = templateOf(service);
  if (
    name.split('/').some((segment) => segment === '') ||
    !matchName(parseSegmentsTemplate(template), name)
  ) {
    throw usageError(
      `--${flag} ${service}=${name} is not a ${service} operation name (${template})`,
    );
  }
}
