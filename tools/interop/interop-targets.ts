/**
 * The two ways a real client reaches the reference (docs/REFERENCE.md): in-process through the MSW
 * handlers, which answer on each service's real `https://<host>` origin, and over loopback HTTP
 * from the node:http server. Both serve one shared behaviour model with `cancelDelayMs: 0` (an
 * accepted cancel has taken effect by the next get, so no test waits) and bearer-token auth, so
 * every call also shows that the client sent the token.
 */

import type { SetupServer } from 'msw/node';
import { setupServer } from 'msw/node';
import type { SeedServiceProfile } from '#specs';
import { loadServiceProfiles } from '#specs';
import { type ReferenceFault, withFault } from '../../harness/reference/faults/fault.ts';
import { cancelRequest } from '../../harness/reference/fixtures/test-kit.ts';
import type {
  ReferenceModel,
  ReferenceModelOptions,
  Scenario,
} from '../../harness/reference/msw.ts';
import { createReferenceHandlers, createReferenceModel } from '../../harness/reference/msw.ts';
import { startReferenceServer } from '../../harness/reference/reference-server.ts';
import type { GaxEndpoint } from './gax-rest-operations-client.ts';
import { InteropSetupError } from './interop-error.ts';
import { TEST_ACCESS_TOKEN } from './test-credentials.ts';
import { recordWire, type WireLog } from './wire-log.ts';

export type InteropTargetKind = 'msw' | 'loopback';

export interface InteropTarget {
  readonly kind: InteropTargetKind;
  /** Where google-gax connects for this service. */
  gaxEndpoint(profile: SeedServiceProfile): GaxEndpoint;
  /** The Discovery client's `rootUrl` for this service (with a trailing slash). */
  discoveryRootUrl(profile: SeedServiceProfile): string;
  /** A fresh operation of the service in the scenario; resolves to its name. */
  createOperation(serviceId: string, scenario: Scenario): Promise<string>;
  /**
   * Cancels through the reference's model, not through any client and not on the wire: test
   * setup for "an operation someone else cancelled". Rejects with a setup error unless accepted.
   */
  cancelOutsideClient(profile: SeedServiceProfile, name: string): Promise<void>;
  close(): Promise<void>;
}

/** The MSW target also sees every request on the wire. */
export interface MswInteropTarget extends InteropTarget {
  readonly kind: 'msw';
  readonly wire: WireLog;
}

/** What a test may change about the reference; delay and auth stay fixed. */
export interface InteropTargetOptions {
  readonly cancelMode?: ReferenceModelOptions['cancelMode'];
  /** MSW target only: serve a deliberately broken reference (harness/reference/faults). */
  readonly fault?: ReferenceFault;
}

function referenceOptions(options: InteropTargetOptions): ReferenceModelOptions {
  const scopes = loadServiceProfiles().flatMap((profile) =>
    profile.methods.flatMap((method) => method.scopes),
  );
  return {
    cancelDelayMs: 0,
    cancelMode: options.cancelMode,
    auth: { tokens: { [TEST_ACCESS_TOKEN]: [...new Set(scopes)] } },
  };
}

export async function startMswTarget(
  options: InteropTargetOptions = {},
): Promise<MswInteropTarget> {
  refuseProxies();
  const correct = createReferenceModel(referenceOptions(options));
  const model = options.fault === undefined ? correct : withFault(correct, options.fault);
  const server: SetupServer = setupServer(...createReferenceHandlers({ model }));
  // A throwing callback errors every unhandled frame; the 'error' preset would still let
  // "common asset" URLs through, and a callback that returns would pass the request on.
  server.listen({
    onUnhandledFrame: ({ frame }) => {
      throw new InteropSetupError(
        `A ${frame.protocol} request reached no reference handler and was stopped from leaving the machine: ${describeFrame(frame.data)}.`,
      );
    },
  });
  const wire = recordWire(server);
  return {
    kind: 'msw',
    wire,
    gaxEndpoint: (profile) => ({ apiEndpoint: profile.host }),
    discoveryRootUrl: (profile) => `https://${profile.host}/`,
    createOperation: async (serviceId, scenario) => model.createOperation(serviceId, scenario),
    cancelOutsideClient: async (profile, name) => cancelInModel(correct, profile, name),
    close: async () => {
      server.close();
    },
  };
}

export async function startLoopbackTarget(
  options: InteropTargetOptions = {},
): Promise<InteropTarget> {
  if (options.fault !== undefined) {
    throw new InteropSetupError('Faults are injected on the MSW target only: use startMswTarget.');
  }
  const server = await startReferenceServer(referenceOptions(options));
  return {
    kind: 'loopback',
    gaxEndpoint: () => ({ apiEndpoint: '127.0.0.1', port: server.port, protocol: 'http' }),
    discoveryRootUrl: () => `${server.baseUrl}/`,
    createOperation: (serviceId, scenario) =>
      createThroughControl(server.controlUrl, serviceId, scenario),
    cancelOutsideClient: async (profile, name) => cancelInModel(server.model, profile, name),
    close: () => server.close(),
  };
}

export const INTEROP_TARGETS: readonly {
  readonly kind: InteropTargetKind;
  readonly start: (options?: InteropTargetOptions) => Promise<InteropTarget>;
}[] = [
  { kind: 'msw', start: startMswTarget },
  { kind: 'loopback', start: startLoopbackTarget },
];

/** `POST {controlUrl}/operations` (docs/CONTROL-PROTOCOL.md) → `201 {"name"}`. */
async function createThroughControl(
  controlUrl: string,
  service: string,
  scenario: Scenario,
): Promise<string> {
  const response = await fetch(`${controlUrl}/operations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ service, scenario }),
  });
  const body: unknown = await response.json().catch(() => undefined);
  const name = (body as { name?: unknown } | undefined)?.name;
  if (response.status !== 201 || typeof name !== 'string') {
    throw new InteropSetupError(
      `POST ${controlUrl}/operations for ${service}/${scenario} answered ${response.status} ${JSON.stringify(body)}; expected 201 {"name": …}.`,
    );
  }
  return name;
}

function cancelInModel(model: ReferenceModel, profile: SeedServiceProfile, name: string): void {
  const request = cancelRequest(profile, name);
  const answer = model.handle({
    ...request,
    headers: { authorization: `Bearer ${TEST_ACCESS_TOKEN}` },
  });
  if (answer?.status !== 200) {
    throw new InteropSetupError(
      `The reference refused the setup cancel of ${name} (${profile.id}): ${answer?.status ?? 'no route'} ${JSON.stringify(answer?.body)}.`,
    );
  }
}

/** gaxios tunnels through HTTP(S)_PROXY with CONNECT, which MSW always lets through. */
function refuseProxies(): void {
  const set = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].filter(
    (key) => (process.env[key] ?? '') !== '',
  );
  if (set.length > 0) {
    throw new InteropSetupError(
      `${set.join(', ')} is set: the client libraries would open a CONNECT tunnel to the proxy, which MSW passes through. Unset it for these tests.`,
    );
  }
}

function describeFrame(data: unknown): string {
  const request = (data as { request?: unknown } | null)?.request;
  return request instanceof Request ? `${request.method} ${request.url}` : 'no request details';
}
