/**
 * The innermost fetch of every target over HTTP: the global fetch with a timeout that adapts to
 * the target (request-timeout.ts), a bound on requests in flight, and a bound on what is read of
 * each answer (answer-limit.ts). The body is read inside the slot and within the timeout, so a
 * connection is really done when the slot frees.
 *
 * Redirects are not followed (`redirect: 'manual'`): a 3xx is the target's answer, judged like
 * any other and kept in the evidence. fetch would otherwise follow it to any origin and carry
 * custom headers along, an API key given with `--header` included, and the run would certify
 * a server it never named.
 *
 * A connection failure or a timeout is a TargetUnreachableError (ERROR), never a FAIL.
 */
import { UnavailableError } from '#base';
import { AnswerTooLargeError, DEFAULT_MAX_ANSWER_BYTES, readBoundedBody } from './answer-limit.ts';
import type { FetchLike } from './fetch-like.ts';
import { abortAfterLimit, createRequestTimeout, type RequestTimeout } from './request-timeout.ts';
import { createSemaphore } from './semaphore.ts';

/**
 * Requests in flight at once through one such fetch: a URL target's or a live run's, each shared
 * by every service of the run. Tests overlap their waits freely, but a small server (a listen backlog of five is a
 * common default) must not see a hundred connections at once; on live runs the rate limit keeps
 * the number lower anyway.
 */
export const MAX_REQUESTS_IN_FLIGHT = 16;

export interface HttpFetchOptions {
  /** `--request-timeout`: the least time a request is given (request-timeout.ts). */
  readonly timeoutMs: number;
  /** A round trip the preflight measured, so the timeout fits a slow target from the start. */
  readonly roundTripMs?: number | undefined;
  /** `--max-answer-bytes`. */
  readonly maxAnswerBytes?: number | undefined;
}

/** A fetch over HTTP, and the timeout it applies now (targets derive time budgets from it). */
export type HttpFetch = FetchLike & { readonly timeout: RequestTimeout };

export function createHttpFetch(options: HttpFetchOptions): HttpFetch {
  const slots = createSemaphore(MAX_REQUESTS_IN_FLIGHT);
  const maxBytes = options.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES;
  const timeout = createRequestTimeout({
    floorMs: options.timeoutMs,
    roundTripMs: options.roundTripMs,
    inFlight: MAX_REQUESTS_IN_FLIGHT,
  });
  const fetch = async (request: Request): Promise<Response> => {
    const release = await slots.acquire();
    const what = `${request.method} ${request.url}`;
    const controller = new AbortController();
    const startedAt = performance.now();
    const stopWatching = abortAfterLimit(controller, startedAt, timeout);
    try {
      const response = await globalThis.fetch(request, {
        signal: controller.signal,
        redirect: 'manual',
      });
      const body = await readBoundedBody(response, maxBytes, what);
      timeout.observe(performance.now() - startedAt);
      return new Response(body.byteLength === 0 ? null : body, response);
    } catch (error) {
      if (error instanceof AnswerTooLargeError) throw error;
      if (controller.signal.aborted) {
        throw new TargetUnreachableError(what, {
          cause: error,
          reason: `no complete answer within ${Math.round(performance.now() - startedAt)} ms (the longer of --request-timeout and twice the slowest answer so far)`,
        });
      }
      throw new TargetUnreachableError(what, { cause: error });
    } finally {
      stopWatching();
      release();
    }
  };
  return Object.assign(fetch, { timeout });
}

/** The target's base URL or control endpoint could not be reached at all (UNREACHABLE). */
export class TargetUnreachableError extends UnavailableError {
  override readonly name: string = 'TargetUnreachableError';
  /** What was being reached: `GET http://…` or a URL. */
  readonly url: string;

  constructor(url: string, options?: ErrorOptions & { readonly reason?: string }) {
    const reason =
      options?.reason !== undefined
        ? `: ${options.reason}`
        : options?.cause instanceof Error
          ? `: ${describeCause(options.cause)}`
          : '';
    super(`cannot reach ${url}${reason}`, { ...options, code: 'UNREACHABLE' });
    this.url = url;
  }
}

function describeCause(cause: Error): string {
  const code = (cause.cause as { code?: string } | undefined)?.code;
  return code ? `${cause.message} (${code})` : cause.message;
}
