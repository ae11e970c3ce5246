/**
 * A google-gax 6 `OperationsClient` in REST-fallback mode, configured the way a generated GAPIC
 * client configures its own: `fallback.lro({protoJson, httpRules})` where `httpRules` override the
 * `google.longrunning.Operations` bindings with the service's (its service YAML `http:` rules).
 * The rules come from the service profile, so no service is special-cased here. gax transcodes
 * the request with them (https://github.com/googleapis/googleapis/blob/master/google/api/http.proto)
 * and sends `JSON.stringify` of the bound body with `Content-Type: application/json`: `{}` under
 * `body: "*"`, the two-byte JSON string `""` under a rule without a body (`encodeRequest` in
 * https://github.com/googleapis/gax-nodejs/blob/main/gax/src/fallbackRest.ts).
 *
 * Without `httpRules` gax keeps the bindings of its own copy of operations.proto
 * (GetOperation `/v1/operations/{name}`, CancelOperation `/v1/{name=operations/**}:cancel` with
 * `body: "*"`): `createDefaultGaxOperationsClient` builds that client, as a user who passes no
 * rules gets it.
 */
import type { OAuth2Client } from 'google-auth-library';
import { GoogleAuth } from 'google-auth-library';
import { fallback, operationsProtos } from 'google-gax';
import type { SeedServiceProfile } from '#specs';
import { createOperationsRoot } from './gax-proto-root.ts';

export type GaxOperationsClient = ReturnType<ReturnType<typeof fallback.lro>['operationsClient']>;

/** Where the client connects: the real host for MSW, 127.0.0.1 with a port for the server. */
export interface GaxEndpoint {
  readonly apiEndpoint: string;
  readonly port?: number;
  readonly protocol?: 'http' | 'https';
}

/** A `google.api.HttpRule` override, as a generated client lists it in `lroOptions.httpRules`. */
export interface GaxHttpRule {
  readonly selector: string;
  readonly get?: string;
  readonly post?: string;
  readonly body?: string;
}

/**
 * GetOperation and CancelOperation bound to the profile's templates. `body: ''` (not an absent
 * key) is needed for a rule without a body: gax only overwrites keys the default rule has, and
 * the default CancelOperation rule has `body: "*"`.
 */
export function gaxHttpRules(profile: SeedServiceProfile): GaxHttpRule[] {
  return [
    { selector: 'google.longrunning.Operations.GetOperation', get: profile.get.httpRule },
    {
      selector: 'google.longrunning.Operations.CancelOperation',
      post: profile.cancel.httpRule,
      body: profile.cancel.body === '*' ? '*' : '',
    },
  ];
}

export interface GaxClientOptions {
  readonly endpoint: GaxEndpoint;
  readonly authClient: OAuth2Client;
}

export function createGaxOperationsClient(
  profile: SeedServiceProfile,
  options: GaxClientOptions,
): GaxOperationsClient {
  const protoJson = createOperationsRoot();
  const auth = new GoogleAuth({ authClient: options.authClient });
  const builder = fallback.lro({ auth, protoJson, httpRules: gaxHttpRules(profile) });
  const { apiEndpoint, port, protocol } = options.endpoint;
  return builder.operationsClient({
    fallback: true,
    apiEndpoint,
    ...(port === undefined ? {} : { port }),
    ...(protocol === undefined ? {} : { protocol }),
  });
}

/** gax's OperationsClient with its built-in bindings: no protoJson, no httpRules. */
export function createDefaultGaxOperationsClient(options: GaxClientOptions): GaxOperationsClient {
  const auth = new GoogleAuth({ authClient: options.authClient });
  const { apiEndpoint, port, protocol } = options.endpoint;
  return fallback.lro({ auth }).operationsClient({
    fallback: true,
    apiEndpoint,
    ...(port === undefined ? {} : { port }),
    ...(protocol === undefined ? {} : { protocol }),
  });
}

const { CancelOperationRequest, GetOperationRequest } = operationsProtos.google.longrunning;

/** The typed request messages gax's OperationsClient methods take. */
export const gaxRequests = {
  get: (name: string) => GetOperationRequest.create({ name }),
  cancel: (name: string) => CancelOperationRequest.create({ name }),
};

/**
 * Cancels through gax and returns the decoded response message. gax 6 declares
 * `cancelOperation` as `Promise<Empty>` but resolves it, like every call, to `[response, …]`.
 */
export async function cancelWithGax(
  client: GaxOperationsClient,
  name: string,
  options?: Parameters<GaxOperationsClient['cancelOperation']>[1],
): Promise<unknown> {
  const result: unknown = await client.cancelOperation(gaxRequests.cancel(name), options);
  return Array.isArray(result) ? result[0] : result;
}
