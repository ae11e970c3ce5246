/**
 * The clients a test sends its requests through: one with the run's credentials (`--header`,
 * Application Default Credentials) and one without. Both record into the test's evidence, warn
 * when the target answered only after retries, send probes once per run where the target shares
 * them (probe-sharing.ts), and refuse to change an operation the user named
 * (named-operation-guard.ts).
 */

import { scrubUrl } from '#reports';
import type { ServiceProfile } from '#specs';
import type { FetchLike } from '../http/index.ts';
import { RETRIED_HEADER } from '../http/index.ts';
import type { Target } from '../targets/index.ts';
import type { ClauseEvidence } from './clause-evidence.ts';
import { recordExchanges } from './exchange-recorder.ts';
import { createLroClient, type LroClient } from './lro-client.ts';
import { guardNamedOperations } from './named-operation-guard.ts';
import { sharingProbes } from './probe-sharing.ts';

export interface ClauseClients {
  readonly client: LroClient;
  /** A client whose requests carry none of the run's credentials (`--header`, ADC). */
  readonly clientWithoutCredentials: LroClient;
}

export interface ClauseClientsOptions {
  readonly service: ServiceProfile;
  readonly target: Target;
  readonly evidence: ClauseEvidence;
  /** Operations the user named (`--operation`, `--allow-cancel`): never changed by a test. */
  readonly named: ReadonlySet<string>;
  /** Whether a name is one of the test's probes (clause-probes.ts). */
  readonly isProbe: (name: string) => boolean;
}

/** The run's credentials, added before the recorder so evidence shows them (scrubbed). */
export function withCredentials(target: Target, fetch: FetchLike): FetchLike {
  const { authorize } = target;
  return authorize === undefined ? fetch : async (request) => fetch(await authorize(request));
}

export function createClauseClients(options: ClauseClientsOptions): ClauseClients {
  const { service, target, evidence } = options;
  const noticingRetries =
    (fetch: FetchLike): FetchLike =>
    async (request) => {
      const response = await fetch(request);
      const retried = response.headers.get(RETRIED_HEADER);
      if (retried !== null) {
        evidence.warn(
          `${request.method} ${scrubUrl(request.url)} was judged on the answer after transient ones (${retried}); the evidence lists each`,
        );
      }
      return response;
    };
  const clientOf = (credentials: boolean) => {
    const via = (fetch: FetchLike) =>
      noticingRetries(credentials ? withCredentials(target, fetch) : fetch);
    const own = createLroClient(service, target.baseUrl, via(evidence.fetch));
    const client =
      target.shareProbes === true && target.memo !== undefined
        ? sharingProbes(own, {
            memo: target.memo,
            scope: `${service.id} ${credentials ? 'with credentials' : 'without credentials'}`,
            isProbe: options.isProbe,
            freshClient: () => {
              const fresh = recordExchanges(target.fetch);
              return {
                client: createLroClient(service, target.baseUrl, via(fresh.fetch)),
                exchanges: fresh.exchanges,
              };
            },
            adopt: evidence.adopt,
          })
        : own;
    return guardNamedOperations(client, options.named, service.id);
  };
  return { client: clientOf(true), clientWithoutCredentials: clientOf(false) };
}
