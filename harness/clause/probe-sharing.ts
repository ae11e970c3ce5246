/**
 * Probes sent once per run. A probe (GetOperation or cancel of a name that cannot exist, or of a
 * malformed one) asks the same thing whichever clause sends it, and several clauses judge the
 * same answers: on a live target each distinct probe request of a service is sent once, and
 * every clause that asks it again gets the first answer, with its exchange as evidence. The
 * default live probe set is about a dozen requests per service instead of twice that; a replay
 * asks for exactly what was recorded.
 */
import type { Exchange } from '#reports';
import type { RunMemo } from '../targets/index.ts';
import type { CancelOptions, HttpResult, LroClient, RequestOptions } from './lro-client.ts';
import { observeShared, outcomeValue, type SharedOutcome } from './shared-outcome.ts';

export interface ProbeSharingOptions {
  readonly memo: RunMemo;
  /** Distinguishes services and credentials: `checks anonymous`. */
  readonly scope: string;
  readonly isProbe: (name: string) => boolean;
  /** A client that records into a list of its own, for the one request sent. */
  readonly freshClient: () => {
    readonly client: LroClient;
    readonly exchanges: readonly Exchange[];
  };
  /** Adds the shared exchanges to the asking test's evidence. */
  readonly adopt: (exchanges: readonly Exchange[]) => void;
}

/** `client`, except that probe requests are sent once per run and their answers shared. */
export function sharingProbes(client: LroClient, options: ProbeSharingOptions): LroClient {
  const shared = async (
    key: readonly unknown[],
    call: (client: LroClient) => Promise<HttpResult>,
  ): Promise<HttpResult> => {
    const outcome: SharedOutcome<HttpResult> = await options.memo.once(
      JSON.stringify(['probe', options.scope, ...key]),
      () => {
        const fresh = options.freshClient();
        return observeShared(
          () => call(fresh.client),
          () => fresh.exchanges,
        );
      },
    );
    options.adopt(outcome.exchanges);
    return outcomeValue(outcome);
  };
  return {
    get: (name, getOptions?: RequestOptions) =>
      options.isProbe(name)
        ? shared(['GET', name, requestKey(getOptions)], (c) => c.get(name, getOptions))
        : client.get(name, getOptions),
    cancel: (name, cancelOptions?: CancelOptions) =>
      options.isProbe(name)
        ? shared(
            [
              'cancel',
              name,
              cancelOptions && 'body' in cancelOptions ? [cancelOptions.body] : [],
              requestKey(cancelOptions),
            ],
            (c) => c.cancel(name, cancelOptions),
          )
        : client.cancel(name, cancelOptions),
    send: (method, name, verb) =>
      options.isProbe(name)
        ? shared(['send', method, name, verb ?? null], (c) => c.send(method, name, verb))
        : client.send(method, name, verb),
  };
}

/** What else a request carries besides its name: the path as sent, the query. */
function requestKey(options: RequestOptions | undefined): readonly unknown[] {
  return [options?.pathName ?? null, options?.query ?? null];
}
