/**
 * Wraps a target's fetch so that every request and response is kept, scrubbed, as evidence
 * for the cell's outcome (every FAIL carries its exchanges and a curl line). The answers the
 * target's retries did not judge (a 503 that was retried, harness/http/retries.ts) come first,
 * each marked with what the harness did next; an answer too long to read is kept as far as it
 * was read. Bodies are kept up to a size, cut and marked beyond it (harness/http/answer-limit.ts),
 * so a target with large answers cannot swell the report.
 */
import type { Exchange } from '#reports';
import { RETRY_HEADER, scrubHeaders, scrubUrl } from '#reports';
import type { FetchLike, RetriedAnswer } from '../http/index.ts';
import { answerOf, bodyForEvidence, retriedAnswersOf } from '../http/index.ts';
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
        ...(body === undefined ? {} : { body: bodyForEvidence(body) }),
      };
      const curl = toCurl(recordedRequest);
      const startedAt = new Date();
      const keepRetried = (value: unknown): Date => {
        const retried = retriedAnswersOf(value);
        for (const answer of retried) {
          exchanges.push({
            request: recordedRequest,
            response: {
              status: answer.status,
              headers: scrubHeaders(withNext(answer)),
              body: answer.body,
            },
            curl,
            startedAt: answer.startedAt,
            durationMs: answer.durationMs,
          });
        }
        return lastSent(startedAt, retried);
      };
      let response: Response;
      try {
        response = await fetch(request);
      } catch (error) {
        const retried = retriedAnswersOf(error);
        const sentAt = keepRetried(error);
        const partial = answerOf(error);
        // Retries that ran out end with the last answer, already kept among the retried ones.
        if (retried.length > 0 && partial === undefined) throw error;
        exchanges.push({
          request: recordedRequest,
          ...(partial === undefined
            ? {}
            : {
                response: {
                  status: partial.status,
                  headers: scrubHeaders(partial.headers),
                  body: partial.body,
                },
              }),
          curl,
          ...timing(sentAt),
        });
        throw error;
      }
      const sentAt = keepRetried(response);
      const { text: responseBody, response: readable } = await readOnce(response);
      exchanges.push({
        request: recordedRequest,
        response: {
          status: response.status,
          headers: scrubHeaders(response.headers),
          body: bodyForEvidence(responseBody),
        },
        curl,
        ...timing(sentAt),
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

/** A retried answer's headers as evidence shows them: with what the harness did next. */
function withNext(answer: RetriedAnswer): Headers {
  const headers = new Headers(answer.headers);
  headers.set(RETRY_HEADER, answer.next);
  return headers;
}

/**
 * When the judged request was sent: after the last retried answer and its wait (never later than
 * now: waits on a hand-advanced clock take no real time).
 */
function lastSent(startedAt: Date, retried: readonly RetriedAnswer[]): Date {
  const last = retried.at(-1);
  if (last === undefined) return startedAt;
  const after = Date.parse(last.startedAt) + last.durationMs + last.waitMs;
  return new Date(Math.min(Date.now(), Math.max(startedAt.getTime(), after)));
}

function timing(startedAt: Date): { startedAt: string; durationMs: number } {
  return {
    startedAt: startedAt.toISOString(),
    durationMs: Math.max(0, Date.now() - startedAt.getTime()),
  };
}
