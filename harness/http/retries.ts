/**
 * Retries of transient answers, one policy for every target: a healthy server may shed an
 * occasional request, and such an answer says nothing about conformance. Retried are the answers
 * that say the request was not handled, whatever the method: 429 (RESOURCE_EXHAUSTED, RFC 6585
 * §4) and 503 (UNAVAILABLE, which google/rpc/code.proto says "can be corrected by retrying with
 * a backoff"); and 504 (DEADLINE_EXCEEDED) for idempotent requests only, since the request may
 * have been carried out: reads, and the cancel, which is idempotent by contract. Those are
 * google-gax's retry codes for google.longrunning.Operations, where CancelOperation is listed as
 * idempotent (gax-nodejs `src/operations_client_config.json`, https://github.com/googleapis/gax-nodejs).
 * Each wait is what the server asks for, else gax's backoff (retry-delay.ts); retries are
 * bounded, and a server asking for more than 60 s is not waited for.
 *
 * Nothing else is retried: no other status, no transport failure, no timeout (a slow server is
 * given longer instead, request-timeout.ts). What is left after the retries is ERROR, never a
 * FAIL: the request fails with a HarnessError coded THROTTLED.
 *
 * Every retried answer is kept for the evidence (`retriedAnswersOf`): the clause runtime's
 * exchange recorder lists it before the answer that was judged, marked with the header
 * RETRY_HEADER (reports/results-model.ts), and the judged answer carries the header
 * RETRIED_HEADER, from which its cell gets a warning.
 */

import { type Clock, HarnessError } from '#base';
import { scrubUrl } from '#reports';
import { bodyForEvidence } from './answer-limit.ts';
import type { FetchLike } from './fetch-like.ts';
import {
  type Backoff,
  backoffDelay,
  GAX_OPERATIONS_BACKOFF,
  requestedDelay,
} from './retry-delay.ts';

/** A header on the judged answer naming the transient answers before it. */
export const RETRIED_HEADER = 'x-lro-conformance-retried';

/** Answers that say the request was not handled: retried whatever the method. */
const NOT_HANDLED: ReadonlySet<number> = new Set([429, 503]);
/** DEADLINE_EXCEEDED: the request may have been carried out, so only idempotent ones. */
const TIMED_OUT: ReadonlySet<number> = new Set([504]);
/** RFC 9110 §9.2.2. */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set([
  'GET',
  'HEAD',
  'OPTIONS',
  'PUT',
  'DELETE',
]);

export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** The longest single wait; a server asking for more is not waited for. */
  readonly maxWaitMs: number;
  /** The waits when the server names none. */
  readonly backoff: Backoff;
}

/**
 * Ten retries: with gax's backoff at most about 4 s of waiting in all, unless the server asks for
 * more. A server that sheds one request in three fails the same request eleven times in a row
 * about once in 177 000 requests.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 10,
  maxWaitMs: 60_000,
  backoff: GAX_OPERATIONS_BACKOFF,
};

/** One answer that was not judged: retried, or the last one when the retries ran out. */
export interface RetriedAnswer {
  readonly status: number;
  readonly headers: Headers;
  /** The body, cut for evidence (answer-limit.ts). */
  readonly body: string;
  /** When its request was sent (ISO 8601) and how long the answer took. */
  readonly startedAt: string;
  readonly durationMs: number;
  /** How long the harness waited before sending the request again (0 when it gave up). */
  readonly waitMs: number;
  /** What the harness did next: `retried after 130 ms (backoff)`, `not retried: …`. */
  readonly next: string;
}

export interface RetryEvent {
  readonly method: string;
  /** Scrubbed. */
  readonly url: string;
  readonly host: string;
  readonly status: number;
  /** 1 for the first retry. */
  readonly retry: number;
  readonly waitMs: number;
  /** `server`: Retry-After or RetryInfo; `backoff`: the server named no wait. */
  readonly source: 'server' | 'backoff';
}

export interface GiveUpEvent {
  readonly method: string;
  readonly url: string;
  readonly host: string;
  readonly status: number;
  readonly retries: number;
  readonly reason: 'max-retries' | 'wait-too-long';
  /** The wait the server asked for, when it named one. */
  readonly requestedMs?: number;
}

export interface RetryOptions {
  readonly clock: Clock;
  readonly policy?: Partial<RetryPolicy>;
  /** Called before each wait (to pause the host in the rate limiter, to count the waits). */
  readonly onRetry?: (event: RetryEvent) => void;
  readonly onGiveUp?: (event: GiveUpEvent) => void;
  /** `throw` (default): a THROTTLED HarnessError; `return`: the last transient answer. */
  readonly whenExhausted?: 'throw' | 'return';
  /** Ends the message of a THROTTLED error: what the user can do (`lower --max-rps …`). */
  readonly advice?: string;
  /** Draws the jitter; tests pass a fixed one. */
  readonly random?: () => number;
}

const retried = new WeakMap<object, readonly RetriedAnswer[]>();

/**
 * The answers retried before `value` (a Response the retries returned, or the error they threw
 * when the retries ran out), oldest first; none when nothing was retried.
 */
export function retriedAnswersOf(value: unknown): readonly RetriedAnswer[] {
  return typeof value === 'object' && value !== null ? (retried.get(value) ?? []) : [];
}

/** Whether `status` answering `request` is transient, so the request is sent again. */
export function isRetried(request: Request, status: number): boolean {
  return NOT_HANDLED.has(status) || (TIMED_OUT.has(status) && isIdempotent(request));
}

function isIdempotent(request: Request): boolean {
  if (IDEMPOTENT_METHODS.has(request.method)) return true;
  // CancelOperation: "idempotent" in Google's own client configuration.
  return request.method === 'POST' && new URL(request.url).pathname.endsWith(':cancel');
}

/** A fetch that retries, and how long it has waited before retries in all (for time budgets). */
export type RetryingFetch = FetchLike & { readonly waitedMs: () => number };

export function withRetries(fetch: FetchLike, options: RetryOptions): RetryingFetch {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
  const random = options.random ?? Math.random;
  let waitedInAllMs = 0;
  const retrying = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const base = { method: request.method, url: scrubUrl(request.url), host: url.host };
    const answers: RetriedAnswer[] = [];
    let waitedMs = 0;
    for (let retry = 0; ; retry += 1) {
      const startedAt = new Date();
      // A fresh copy per attempt: sending a request consumes its body.
      const response = await fetch(request.clone());
      if (!isRetried(request, response.status)) {
        return answers.length === 0 ? response : marked(response, answers);
      }
      const durationMs = Math.max(0, Date.now() - startedAt.getTime());
      const body = await response.text().catch(() => '');
      const requested = requestedDelay(response.headers, body, options.clock.now());
      const keep = (next: string, waited: number) =>
        answers.push({
          status: response.status,
          headers: response.headers,
          body: bodyForEvidence(body),
          startedAt: startedAt.toISOString(),
          durationMs,
          waitMs: waited,
          next,
        });
      const waitMs = requested ?? backoffDelay(policy.backoff, retry + 1, random);
      const reason: GiveUpEvent['reason'] | undefined =
        retry >= policy.maxRetries
          ? 'max-retries'
          : waitMs > policy.maxWaitMs
            ? 'wait-too-long'
            : undefined;
      if (reason !== undefined) {
        const event: GiveUpEvent = {
          ...base,
          status: response.status,
          retries: retry,
          reason,
          ...(requested === undefined ? {} : { requestedMs: requested }),
        };
        options.onGiveUp?.(event);
        keep(`not retried: ${giveUpReason(event, policy)}`, 0);
        if (options.whenExhausted === 'return') {
          return marked(new Response(body === '' ? null : body, response), answers.slice(0, -1));
        }
        const error = stillUnavailable(event, waitedMs, options.advice);
        retried.set(error, answers);
        throw error;
      }
      const source = requested === undefined ? 'backoff' : 'server';
      keep(
        `retried after ${waitMs} ms (${source === 'server' ? 'as the server asked' : 'backoff'})`,
        waitMs,
      );
      options.onRetry?.({ ...base, status: response.status, retry: retry + 1, waitMs, source });
      waitedMs += waitMs;
      waitedInAllMs += waitMs;
      await options.clock.sleep(waitMs);
    }
  };
  return Object.assign(retrying, { waitedMs: () => waitedInAllMs });
}

function giveUpReason(event: GiveUpEvent, policy: RetryPolicy): string {
  return event.reason === 'wait-too-long'
    ? `asked to wait ${Math.ceil((event.requestedMs ?? 0) / 1000)} s, longer than the ${policy.maxWaitMs / 1000} s the run waits`
    : `the ${event.retries} retries are spent`;
}

/** Transient answers kept coming: a HarnessError (THROTTLED), so the cell is ERROR, never FAIL. */
function stillUnavailable(event: GiveUpEvent, waitedMs: number, advice?: string): HarnessError {
  const why =
    event.reason === 'wait-too-long'
      ? `asked to wait ${Math.ceil((event.requestedMs ?? 0) / 1000)} s, longer than the run waits`
      : `was still answered so after ${event.retries} retries over ${waitedMs} ms`;
  return new HarnessError(
    `${event.method} ${event.url} answered ${event.status} and ${why}: the target stays unavailable, so the answer could not be checked${advice === undefined ? '' : `; ${advice}`}`,
    { code: 'THROTTLED' },
  );
}

/** The answer that was judged, plus a header naming the transient answers before it. */
function marked(response: Response, answers: readonly RetriedAnswer[]): Response {
  if (answers.length === 0) return response;
  const headers = new Headers(response.headers);
  headers.set(
    RETRIED_HEADER,
    answers.map((answer) => `${answer.status} ${answer.next}`).join(', '),
  );
  const result = new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
  retried.set(result, answers);
  return result;
}
