/**
 * Wraps a target's fetch so that every request and response is kept, scrubbed, as evidence
 * for the cell's outcome (every FAIL carries its exchanges and a curl line).
 */
import type { Exchange } from '#reports';
import { scrubHeaders, scrubUrl } from '#reports';
import type { FetchLike } from '../http/index.ts';
import { toCurl } from './curl.ts';
import { readOnce } from './rebuilt-response.ts';

export interface ExchangeRecorder {
  readonly fetch: FetchLike;
  readonly exchanges: readonly Exchange[];
  /** Records what another fetch (the same target without credentials) exchanges, in the same list. */
  recording(fetch: FetchLike): FetchLike;
  /** Adds exchanges recorded elsewhere: an observation this test shares with others of the run. */
  adopt(exchanges: readonly Exchange[]): void;
}

export function recordExchanges(fetch: FetchLike): ExchangeRecorder {
  const exchanges: Exchange[] = [];
  const recording =
    (fetch: FetchLike): FetchLike =>
    async (request) => {
      const body = request.body === null ? undefined : await request.clone().text();
      const recordedRequest = {
        method: request.method,
        url: scrubUrl(request.url),
        headers: scrubHeaders(request.headers),
        ...(body === undefined ? {} : { body }),
      };
      const curl = toCurl(recordedRequest);
      const startedAt = new Date();
      const timing = () => ({
        startedAt: startedAt.toISOString(),
        durationMs: Math.max(0, Date.now() - startedAt.getTime()),
      });
      let response: Response;
      try {
        response = await fetch(request);
      } catch (error) {
        exchanges.push({ request: recordedRequest, curl, ...timing() });
        throw error;
      }
      const { text: responseBody, response: readable } = await readOnce(response);
      exchanges.push({
        request: recordedRequest,
        response: {
          status: response.status,
          headers: scrubHeaders(response.headers),
          body: responseBody,
        },
        curl,
        ...timing(),
      });
      return readable;
    };
  return {
    fetch: recording(fetch),
    exchanges,
    recording,
    adopt: (adopted) => {
      exchanges.push(...adopted);
    },
  };
}
