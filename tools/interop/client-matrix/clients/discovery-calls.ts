/**
 * The operations calls of a googleapis Discovery client (`googleapis`, `@googleapis/checks`): the
 * resource that holds `get` and `cancel` is found by walking the Discovery method id of the
 * service's documented get (`checks.accounts.apps.operations.get` → `accounts.apps.operations`),
 * so no service is special-cased. Cancel is made as users write it, without a request body and
 * with `requestBody: {}`; googleapis-common sends no body at all in the first case
 * (https://github.com/googleapis/nodejs-googleapis-common/blob/main/src/apirequest.ts). These
 * clients have no LRO helper: they return the Operation JSON.
 */
import type { SeedServiceProfile } from '#specs';
import { InteropSetupError } from '../../interop-error.ts';
import type { CallSpec, OpenClient } from '../client-under-test.ts';
import { viewOf } from '../operation-view.ts';

interface DiscoveryAnswer {
  readonly status: number;
  readonly data: unknown;
}

export interface DiscoveryOperations {
  get(params: { name: string }): Promise<DiscoveryAnswer>;
  cancel(params: { name: string; requestBody?: object }): Promise<DiscoveryAnswer>;
}

export const DISCOVERY_CALLS: readonly CallSpec[] = [
  { id: 'get', label: '`operations.get({name})`', kind: 'get' },
  { id: 'cancel', label: '`operations.cancel({name})`', kind: 'cancel' },
  {
    id: 'cancel-empty-object',
    label: '`operations.cancel({name, requestBody: {}})`',
    kind: 'cancel',
  },
];

export const DISCOVERY_LRO_NOTE =
  'none: Discovery clients return the Operation as JSON; poll `operations.get` until `done`.';

/** The API name of the service in the Discovery directory: the first part of its method ids. */
export function discoveryApiName(profile: SeedServiceProfile): string {
  return profile.get.id.split('.')[0] ?? profile.id;
}

/** `api.accounts.apps.operations` for `checks.accounts.apps.operations.get`. */
export function operationsResource(api: unknown, profile: SeedServiceProfile): DiscoveryOperations {
  const path = profile.get.id.split('.').slice(1, -1);
  let resource: unknown = api;
  for (const key of path) {
    resource = (resource as Record<string, unknown> | undefined)?.[key];
  }
  const found = resource as Partial<DiscoveryOperations> | undefined;
  if (typeof found?.get !== 'function' || typeof found.cancel !== 'function') {
    throw new InteropSetupError(
      `The Discovery client of ${profile.id} has no get and cancel under ${path.join('.')}.`,
    );
  }
  return found as DiscoveryOperations;
}

export function openDiscovery(operations: DiscoveryOperations): OpenClient {
  return {
    invoke: async (call, name) => {
      switch (call.id) {
        case 'get':
          return { operation: viewOf((await operations.get({ name })).data) };
        case 'cancel':
          return summarise(await operations.cancel({ name }));
        case 'cancel-empty-object':
          return summarise(await operations.cancel({ name, requestBody: {} }));
        default:
          throw new InteropSetupError(`A Discovery client has no call "${call.id}".`);
      }
    },
    close: async () => {},
  };
}

function summarise(answer: DiscoveryAnswer): { readonly resolved: string } {
  return { resolved: `${answer.status} ${JSON.stringify(answer.data ?? null)}` };
}
