/**
 * Refuses to change an operation the user named: an `--operation` is only read, and an
 * `--allow-cancel` operation is cancelled once per run, by the shared observation alone
 * (clause-observations.ts, docs/decisions/0007-live-runs-share-observations.md). A refusal is a
 * fault of a suite or of the harness (ERROR), never a finding about the target.
 */
import { HarnessError } from '#base';
import type { LroClient } from './lro-client.ts';

export function guardNamedOperations(
  client: LroClient,
  named: ReadonlySet<string>,
  serviceId: string,
): LroClient {
  const refuse = (name: string): Promise<never> =>
    Promise.reject(
      new HarnessError(
        `${serviceId}: refused to send a second request that could change ${name}, an operation the run names (--operation is only read; --allow-cancel is cancelled once)`,
      ),
    );
  return {
    get: (name, options) => client.get(name, options),
    cancel: (name, options) => (named.has(name) ? refuse(name) : client.cancel(name, options)),
    send: (method, name, verb) =>
      named.has(name) && (method !== 'GET' || verb !== undefined)
        ? refuse(name)
        : client.send(method, name, verb),
  };
}
