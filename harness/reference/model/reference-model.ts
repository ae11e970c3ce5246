/**
 * The behaviour model of the reference implementation: one pure, I/O-free object that answers
 * operations.get and operations.cancel (plus delete, list and wait where a service documents them)
 * for every served service, as the seed documents describe them (the service pages in specs/seeds,
 * google/longrunning/operations.proto, and what google-gax and the googleapis clients send). It is
 * driven by the service profiles only; the MSW handlers and the HTTP server are thin adapters.
 * Time comes from an injected clock and pending cancels are evaluated lazily: no timers.
 *
 * Order of checks, front end first as at Google: route, authentication (401), permission (403,
 * before existence, AIP-193), name format (400), request body (400), cancel support (501),
 * existence (404).
 */

import { HarnessError } from '#base';
import type { OperationJson, ServiceProfile } from '#specs';
import { loadServiceProfiles } from '#specs';
import {
  type CancelMode,
  isCancelMode,
  isScenario,
  SCENARIOS,
  type Scenario,
} from '../../control/index.ts';
import { type AuthOptions, authenticate, canCall, isCaller, permissionDenied } from './auth.ts';
import { handleControl, isControlPath } from './control.ts';
import { errorResponse } from './error-envelope.ts';
import { readBodyFor } from './method-body.ts';
import { type ModelRequest, type ModelResponse, splitPath } from './model-request.ts';
import { operationAt, stateAt } from './operation-state.ts';
import { DEFAULT_MAX_OPERATIONS, OperationStore, type StoredOperation } from './operation-store.ts';
import { runOperationsMethod } from './operations-methods.ts';
import { buildRoutes, type Route, routeRequest } from './route.ts';

export interface ReferenceModelOptions {
  /** The services to serve; all five by default. */
  readonly profiles?: readonly ServiceProfile[] | undefined;
  /** Milliseconds since the epoch; `Date.now` by default. */
  readonly clock?: { now(): number } | undefined;
  /** How long after an accepted cancel it takes effect; 0 by default. */
  readonly cancelDelayMs?: number | undefined;
  /** One mode for every service, or per service id (missing ids: `honor`). */
  readonly cancelMode?: CancelMode | Readonly<Record<string, CancelMode>> | undefined;
  /** Bearer tokens and their scopes; when absent no authentication is checked. */
  readonly auth?: AuthOptions | undefined;
  /**
   * How many operations to keep (default DEFAULT_MAX_OPERATIONS, 10,000): past it, finished
   * ones are forgotten oldest first (operation-store.ts, docs/REFERENCE.md).
   */
  readonly maxOperations?: number | undefined;
}

export interface ReferenceModel {
  readonly profiles: readonly ServiceProfile[];
  readonly cancelDelayMs: number;
  /** The answer to a request, or `undefined` when it matches no route of any served service. */
  handle(request: ModelRequest): ModelResponse | undefined;
  /** Creates an operation in a scenario (what `POST /__control/operations` does); returns its name. */
  createOperation(serviceId: string, scenario: Scenario): string;
  /** The operation as a get would show it now, without any check; `undefined` if unknown. */
  operation(name: string): OperationJson | undefined;
  /** The id of the service that minted the operation; `undefined` if unknown. */
  serviceOf(name: string): string | undefined;
  cancelMode(serviceId: string): CancelMode;
  /** How many operations the store holds (cancel never removes one; the bound forgets old ones). */
  readonly operationCount: number;
  /** The model's clock, in milliseconds since the epoch. */
  now(): number;
}

export function createReferenceModel(options: ReferenceModelOptions = {}): ReferenceModel {
  const profiles = options.profiles ?? loadServiceProfiles();
  if (profiles.length === 0) {
    throw new HarnessError(
      'No services to serve: pass at least one profile, or omit `profiles` for all.',
      { code: 'REFERENCE' },
    );
  }
  const byId = profilesById(profiles);
  const clock = options.clock ?? { now: () => Date.now() };
  const cancelDelayMs = options.cancelDelayMs ?? 0;
  if (!Number.isFinite(cancelDelayMs) || cancelDelayMs < 0) {
    throw new HarnessError(`cancelDelayMs must be a finite number >= 0; got ${cancelDelayMs}.`, {
      code: 'REFERENCE',
    });
  }
  const cancelModes = cancelModesFor(options.cancelMode, profiles, byId);
  const routes: readonly Route[] = buildRoutes(profiles);
  const maxOperations = options.maxOperations ?? DEFAULT_MAX_OPERATIONS;
  if (!Number.isSafeInteger(maxOperations) || maxOperations < 1) {
    throw new HarnessError(`maxOperations must be a whole number >= 1; got ${maxOperations}.`, {
      code: 'REFERENCE',
    });
  }
  const store = new OperationStore(maxOperations);
  const finished = (operation: StoredOperation) =>
    stateAt(operation, clock.now(), cancelDelayMs) !== 'running';

  const profileOf = (serviceId: string): ServiceProfile => {
    const profile = byId.get(serviceId);
    if (profile === undefined) {
      throw new HarnessError(
        `Unknown service "${serviceId}" (served: ${[...byId.keys()].join(', ')}).`,
        { code: 'REFERENCE' },
      );
    }
    return profile;
  };

  const createOperation = (serviceId: string, scenario: Scenario): string => {
    const profile = profileOf(serviceId);
    if (!isScenario(scenario)) {
      throw new HarnessError(
        `Unknown scenario "${String(scenario)}" (allowed: ${SCENARIOS.join(', ')}).`,
        { code: 'REFERENCE' },
      );
    }
    return store.create(profile, scenario, clock.now(), finished).name;
  };

  const handle = (request: ModelRequest): ModelResponse | undefined => {
    const { path, query } = splitPath(request.path);
    const method = request.method.toUpperCase();
    if (isControlPath(path)) {
      return handleControl(
        { services: [...byId.keys()], cancelModes, cancelDelayMs, createOperation },
        method,
        path,
        request.body,
      );
    }
    const routing = routeRequest(routes, method, path, request.host);
    if (routing === undefined) return undefined;
    const caller = authenticate(options.auth, request.headers);
    if (!isCaller(caller)) return caller;

    if (routing.kind === 'malformed') {
      const { profile, method: operationsMethod } = routing.route;
      if (!canCall(caller, operationsMethod))
        return permissionDenied(operationsMethod, profile.host);
      return errorResponse(
        'INVALID_ARGUMENT',
        `Invalid operation name "${routing.name}": ${operationsMethod.id} expects a name matching "${routing.route.nameBinding}".`,
        {
          reason: 'INVALID_OPERATION_NAME',
          domain: profile.host,
          metadata: { name: routing.name },
        },
      );
    }

    const accessible = routing.matches.filter((match) => canCall(caller, match.route.method));
    const [first] = routing.matches;
    const [firstAccessible] = accessible;
    if (firstAccessible === undefined)
      return permissionDenied(first.route.method, first.route.profile.host);

    const stored = store.get(firstAccessible.name);
    const serving =
      accessible.find((match) => match.route.profile.id === stored?.serviceId) ?? firstAccessible;
    const body = readBodyFor(serving.route, request.body);
    if (body !== undefined) return body;
    const owned = stored?.serviceId === serving.route.profile.id ? stored : undefined;
    return runOperationsMethod(
      {
        store,
        now: clock.now(),
        cancelDelayMs,
        cancelMode: cancelModes[serving.route.profile.id] ?? 'honor',
      },
      serving,
      owned,
      query,
    );
  };

  return {
    profiles,
    cancelDelayMs,
    handle,
    createOperation,
    operation: (name) => {
      const stored = store.get(name);
      return stored === undefined ? undefined : operationAt(stored, clock.now(), cancelDelayMs);
    },
    serviceOf: (name) => store.get(name)?.serviceId,
    cancelMode: (serviceId) => {
      profileOf(serviceId);
      return cancelModes[serviceId] ?? 'honor';
    },
    get operationCount() {
      return store.size;
    },
    now: () => clock.now(),
  };
}

/**
 * The profiles by id, and one mode for every service, are data of the profile list: made once per
 * list and shared by every model (the embedded target makes a model per test, and a catalogue run
 * has thousands of tests over a hundred services).
 */
const byIdOf = new WeakMap<readonly ServiceProfile[], ReadonlyMap<string, ServiceProfile>>();
const modesOf = new WeakMap<
  readonly ServiceProfile[],
  Map<string, Readonly<Record<string, CancelMode>>>
>();

function profilesById(profiles: readonly ServiceProfile[]): ReadonlyMap<string, ServiceProfile> {
  let byId = byIdOf.get(profiles);
  if (byId === undefined) {
    byId = new Map(profiles.map((profile) => [profile.id, profile]));
    byIdOf.set(profiles, byId);
  }
  return byId;
}

function cancelModesFor(
  option: ReferenceModelOptions['cancelMode'],
  profiles: readonly ServiceProfile[],
  byId: ReadonlyMap<string, ServiceProfile>,
): Readonly<Record<string, CancelMode>> {
  if (option !== undefined && typeof option !== 'string') {
    return resolveCancelModes(option, [...byId.keys()]);
  }
  let cached = modesOf.get(profiles);
  if (cached === undefined) {
    cached = new Map();
    modesOf.set(profiles, cached);
  }
  const mode = option ?? 'honor';
  let modes = cached.get(mode);
  if (modes === undefined) {
    modes = Object.freeze(resolveCancelModes(mode, [...byId.keys()]));
    cached.set(mode, modes);
  }
  return modes;
}

function resolveCancelModes(
  option: ReferenceModelOptions['cancelMode'],
  serviceIds: readonly string[],
): Readonly<Record<string, CancelMode>> {
  if (option === undefined || typeof option === 'string') {
    const mode = option ?? 'honor';
    if (!isCancelMode(mode)) throw badMode(mode);
    return Object.fromEntries(serviceIds.map((id) => [id, mode]));
  }
  for (const [id, mode] of Object.entries(option)) {
    if (!serviceIds.includes(id)) {
      throw new HarnessError(
        `cancelMode names service "${id}", which is not served (served: ${serviceIds.join(', ')}).`,
        { code: 'REFERENCE' },
      );
    }
    if (!isCancelMode(mode)) throw badMode(mode);
  }
  return Object.fromEntries(serviceIds.map((id) => [id, option[id] ?? 'honor']));
}

function badMode(mode: unknown): HarnessError {
  return new HarnessError(
    `Unknown cancel mode ${JSON.stringify(mode)} (allowed: honor, unimplemented, completes-despite-cancel).`,
    { code: 'REFERENCE' },
  );
}
