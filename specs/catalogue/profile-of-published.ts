/**
 * Turns what a document publishes (published-service.ts) into a ServiceProfile, or refuses it
 * with the reason. The profile's cancel is the one the suite can check best: a cancel whose
 * path binds a name (AIP-122) and whose get reads the names the reference mints for it; among
 * those, the most common family first (a project location's operations), then the rule
 * `/<version>/{name=…}:cancel`, then the method id. Every other bound method is served by the
 * reference too. What the published surface does not offer becomes a limit: the clauses that
 * need it cannot run, and say why (docs/INTERPRETING.md).
 *
 * The five seed services keep the words of their seed pages (specs/seeds/): a generated profile
 * of checks, datafusion or admanager quotes them, and its provenance names the seed.
 */
import { loadServiceProfiles } from '../load-profiles.ts';
import { matchName, parseSegmentsTemplate } from '../path-template/index.ts';
import type { OperationsMethod, ProfileLimit, ServiceProfile } from '../service-profile.ts';
import { OPERATIONS_PROTO_URL } from './cancel-text.ts';
import type { ShapeFamily } from './name-shapes.ts';
import type { PublishedCancel, PublishedService } from './published-service.ts';

export type ProfileOutcome =
  | { readonly kind: 'profile'; readonly profile: ServiceProfile }
  | { readonly kind: 'refused'; readonly reason: string };

const FAMILY_ORDER: readonly ShapeFamily[] = [
  'project-location',
  'project',
  'organization-location',
  'global',
  'transfer-operations',
  'other-parent',
  'split-fields',
];

/** A name the binding accepts, as the reference mints them: every wildcard filled with one segment. */
function sampleName(binding: string): string {
  return binding
    .split('/')
    .map((segment) => (segment === '*' || segment === '**' ? 'x' : segment))
    .join('/');
}

/** Whether the get reads every name the reference mints for the cancel's binding. */
export function getReads(get: OperationsMethod | undefined, binding: string): boolean {
  const getBinding = get === undefined ? undefined : bindingOfRule(get.httpRule);
  return (
    getBinding !== undefined && matchName(parseSegmentsTemplate(getBinding), sampleName(binding))
  );
}

export function bindingOfRule(rule: string): string | undefined {
  return /\{name=([^}]*)\}/.exec(rule)?.[1];
}

function rank(service: PublishedService, cancel: PublishedCancel): (number | string)[] {
  const binding = cancel.binding ?? '';
  const plainRule = cancel.method?.httpRule.startsWith(`/${service.version}/{name=`) === true;
  return [
    getReads(cancel.get, binding) ? 0 : 1,
    FAMILY_ORDER.indexOf(cancel.family),
    plainRule ? 0 : 1,
    cancel.id,
  ];
}

function compareRanks(a: (number | string)[], b: (number | string)[]): number {
  for (const [i, left] of a.entries()) {
    const right = b[i] ?? '';
    if (left < right) return -1;
    if (left > right) return 1;
  }
  return 0;
}

/** The cancel a profile checks: see the module comment. Undefined when none binds a name. */
export function primaryCancel(service: PublishedService): PublishedCancel | undefined {
  const bound = service.cancels.filter((cancel) => cancel.method !== undefined);
  return bound.toSorted((a, b) => compareRanks(rank(service, a), rank(service, b)))[0];
}

function limitsOf(service: PublishedService, cancel: PublishedCancel): ProfileLimit[] {
  const limits: ProfileLimit[] = [];
  const binding = cancel.binding ?? '';
  if (cancel.get === undefined) {
    limits.push({
      call: 'get',
      reason: `${service.id} publishes no GetOperation beside its cancel of ${binding}: nothing can read what a cancel did`,
    });
  } else if (!getReads(cancel.get, binding)) {
    limits.push({
      call: 'get',
      reason: `${service.id}'s GetOperation binds ${bindingOfRule(cancel.get.httpRule)}, which does not read the names its cancel binds (${binding})`,
    });
  } else if (cancel.getNotLongRunning !== undefined) {
    limits.push({ call: 'get', reason: cancel.getNotLongRunning });
  }
  if (cancel.httpMethod === 'GET') {
    limits.push(
      {
        call: 'cancel-body',
        reason: `${service.id} binds its cancel to GET (${cancel.path}), which carries no request body`,
      },
      {
        call: 'get-on-cancel-url',
        reason: `${service.id} binds its cancel to GET (${cancel.path}): a GET on the cancel URL is the cancel`,
      },
    );
  }
  return limits;
}

/** The route as the seed page prints it (Ad Manager's `/v1/{name}:cancel`), for the same rule. */
function withSeedWording(
  method: OperationsMethod,
  seeded: OperationsMethod | undefined,
): OperationsMethod {
  const printed = seeded?.documentedHttpRule;
  return printed !== undefined && seeded?.httpRule === method.httpRule
    ? { ...method, documentedHttpRule: printed }
    : method;
}

function uniqueById(methods: readonly OperationsMethod[]): OperationsMethod[] {
  const seen = new Map<string, OperationsMethod>();
  for (const method of methods) if (!seen.has(method.id)) seen.set(method.id, method);
  return [...seen.values()];
}

/** The profile a published document gives, or the reason the suite cannot check its cancel. */
export function profileOfPublished(service: PublishedService): ProfileOutcome {
  const cancel = primaryCancel(service);
  if (cancel?.method === undefined || cancel.binding === undefined) {
    const first = service.cancels[0];
    return {
      kind: 'refused',
      reason:
        first === undefined
          ? `${service.document.file} publishes no operations.cancel`
          : `${first.id}: ${first.unbound ?? 'no name binding'}; the suite addresses an operation by its one resource name (AIP-122, google.longrunning.Operation.name)`,
    };
  }
  const methods = uniqueById(
    service.cancels.flatMap((each) =>
      each.method === undefined
        ? []
        : [each.method, ...(each.get === undefined ? [] : [each.get]), ...each.siblings],
    ),
  );
  const limits = limitsOf(service, cancel);
  const seed = loadServiceProfiles().find((profile) => profile.id === service.id);
  return {
    kind: 'profile',
    profile: {
      id: service.id,
      title: service.title,
      host: service.host,
      version: service.version,
      nameTemplate: cancel.binding,
      cancel: withSeedWording(cancel.method, seed?.cancel),
      ...(getReads(cancel.get, cancel.binding) ? { get: cancel.get } : {}),
      methods,
      successBody: seed?.successBody ?? service.successBody,
      cancelBodyQuote: seed?.cancelBodyQuote ?? cancel.bodyQuote,
      provenance: {
        ...(seed === undefined ? {} : { seed: seed.provenance.seed, page: seed.provenance.page }),
        proto: OPERATIONS_PROTO_URL,
        document: service.document,
        cancelText: cancel.text,
      },
      ...(limits.length === 0 ? {} : { limits }),
    },
  };
}
