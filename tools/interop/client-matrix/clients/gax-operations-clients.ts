/**
 * google-gax's own REST `OperationsClient`, the generic client for services that have no Node
 * client library of their own (Ads Data Hub, DAI), in the two ways a user can build it: with the
 * service's HTTP rules, as every generated GAPIC client passes them, and with gax's built-in
 * bindings (gax-rest-operations-client.ts). Its check-progress helper is what a GAPIC's
 * `check<Method>Progress(name)` does (gax-long-running.ts).
 */
import type { SeedServiceProfile } from '#specs';
import { loadServiceProfiles } from '#specs';
import { checkOperationProgress } from '../../gax-long-running.ts';
import {
  cancelWithGax,
  createDefaultGaxOperationsClient,
  createGaxOperationsClient,
  type GaxOperationsClient,
  gaxHttpRules,
  gaxRequests,
} from '../../gax-rest-operations-client.ts';
import type { InteropTarget } from '../../interop-targets.ts';
import { gaxAuthClient } from '../../test-credentials.ts';
import type { ClientUnderTest, OpenClient } from '../client-under-test.ts';
import { gaxStyleCalls, invokeGaxStyle } from '../gax-style-calls.ts';
import { installedVersion } from '../installed-version.ts';

const calls = gaxStyleCalls('`new Operation(getOperation(…))`');

function openGax(client: GaxOperationsClient): OpenClient {
  return {
    invoke: (call, name, hooks) =>
      invokeGaxStyle(
        {
          getOperation: async (operationName) =>
            (await client.getOperation(gaxRequests.get(operationName)))[0],
          cancelOperation: (operationName) => cancelWithGax(client, operationName),
          checkProgress: (operationName) => checkOperationProgress(client, operationName),
        },
        call,
        name,
        hooks,
      ),
    close: async () => {
      client.close();
    },
  };
}

const packages = () => [{ name: 'google-gax', version: installedVersion('google-gax') }];
const allServices = () => loadServiceProfiles().map((profile) => profile.id);

/** The rules a user passes, as gax's `httpRules` entries take them. */
export function describeRules(profile: SeedServiceProfile): string {
  return gaxHttpRules(profile)
    .map(({ selector, ...binding }) => {
      const fields = Object.entries(binding).map(
        ([key, value]) => `${key}: ${JSON.stringify(value)}`,
      );
      return `${selector.replace(/^.*\./, '')} \`{${fields.join(', ')}}\``;
    })
    .join(', ');
}

export const gaxWithServiceRules: ClientUnderTest = {
  id: 'gax-service-rules',
  title: 'google-gax OperationsClient with the service’s HTTP rules',
  construction:
    '`fallback.lro({auth, protoJson, httpRules}).operationsClient({fallback: true, apiEndpoint})`, `httpRules` binding GetOperation and CancelOperation as the service does (what a generated GAPIC client passes). Its check-progress helper is `new Operation(getOperation(…), LongrunningDescriptor, backoff)`, the body of every GAPIC `check…Progress(name)`',
  services: allServices,
  calls,
  packages,
  workaround: () => undefined,
  open: async (target: InteropTarget, profile: SeedServiceProfile) =>
    openGax(
      createGaxOperationsClient(profile, {
        endpoint: target.gaxEndpoint(profile),
        authClient: gaxAuthClient(),
      }),
    ),
};

export const gaxWithDefaultRules: ClientUnderTest = {
  id: 'gax-default-rules',
  title: 'google-gax OperationsClient with its built-in rules',
  construction:
    '`fallback.lro({auth}).operationsClient({fallback: true, apiEndpoint})`, no `httpRules`: GetOperation is bound to `/v1/operations/{name}` (one segment: the slashes of a name are sent as `%2F`), CancelOperation to `/v1/{name=operations/**}:cancel` with `body: "*"`. Check progress as in the client above',
  services: allServices,
  calls,
  packages,
  workaround: (_call, profile) =>
    `pass the service’s rules to \`fallback.lro({auth, protoJson, httpRules})\`, as the client above does: ${describeRules(profile)}.`,
  open: async (target: InteropTarget, profile: SeedServiceProfile) =>
    openGax(
      createDefaultGaxOperationsClient({
        endpoint: target.gaxEndpoint(profile),
        authClient: gaxAuthClient(),
      }),
    ),
};
