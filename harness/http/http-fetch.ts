/**
 * The innermost fetch of every target over HTTP: the global fetch with a per-request timeout and
 * a bound on requests in flight. The body is read inside the slot, so a connection is really done
 * when the slot frees. A connection failure or a timeout is a TargetUnreachableError (ERROR),
 * never a FAIL.
 */
import { UnavailableError } from '#base';
import type { FetchLike } from './fetch-like.ts';
import { createSemaphore } from './semaphore.ts';

/**
 * Requests in flight at once through one such fetch: a URL target's or a live run's, each shared
 * by every service of the run. Tests overlap their waits freely, but a small server (a listen backlog of five is a
 * common default) must not see a hundred connections at once; on live runs the rate limit keeps
 * the number lower anyway.
 */
export const MAX_REQUESTS_IN_FLIGHT = 16;

export interface HttpFetchOptions {
  readonly timeoutMs: number;
}

export function createHttpFetch(options: HttpFetchOptions): FetchLike {
  const slots = createSemaphore(MAX_REQUESTS_IN_FLIGHT);
  return async (request) => {
    const release = await slots.acquire();
    try {
      const response = await globalThis.fetch(request, {
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const body = await response.arrayBuffer();
      return new Response(body.byteLength === 0 ? null : body, response);
    } catch (error) {
      throw new TargetUnreachableError(`${request.method} ${request.url}`, { cause: error });
    } finally {
      release();
    }
  };
}

/** The target's base URL or control endpoint could not be reached at all (UNREACHABLE). */
export class TargetUnreachableError extends UnavailableError {
  override readonly name: string = 'TargetUnreachableError';
  /** What was being reached: `GET http://…` or a URL. */
  readonly url: string;

  constructor(url: string, options?: ErrorOptions) {
    const reason = options?.cause instanceof Error ? `: ${describeCause(options.cause)}` : '';
    super(`cannot reach ${url}${reason}`, { ...options, code: 'UNREACHABLE' });
    this.url = url;
  }
}

function describeCause(cause: Error): string {
  const code = (cause.cause as { code?: string } | undefined)?.code;
  return code ? `${cause.message} (${code})` : cause.message;
}
