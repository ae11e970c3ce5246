/**
 * The `url` target: any implementation reachable over HTTP, driven through its control
 * endpoint when it has one. A connection failure or a timeout is a HarnessError (ERROR), never a
 * FAIL.
 */
import { systemClock } from '../clock/clock.ts';
import { TargetUnreachableError } from './harness-error.ts';
import { httpControl } from './http-control.ts';
import { createSemaphore } from './semaphore.ts';
import type { Target, TargetConfig } from './target.ts';

/**
 * Requests in flight at once. Tests overlap their waits freely, but a small server (a listen
 * backlog of five is a common default) must not see a hundred connections at once.
 */
export const MAX_REQUESTS_IN_FLIGHT = 16;

export function createUrlTarget(config: Extract<TargetConfig, { kind: 'url' }>): Target {
  const baseUrl = config.baseUrl.replace(/\/+$/, '');
  const slots = createSemaphore(MAX_REQUESTS_IN_FLIGHT);
  const controlUrl = config.controlUrl?.replace(/\/+$/, '');
  const fetch = async (request: Request): Promise<Response> => {
    const release = await slots.acquire();
    try {
      const response = await globalThis.fetch(request, {
        signal: AbortSignal.timeout(config.requestTimeoutMs),
      });
      // Read the body inside the slot, so a connection is really done when the slot frees.
      const body = await response.arrayBuffer();
      return new Response(body.byteLength === 0 ? null : body, response);
    } catch (error) {
      throw new TargetUnreachableError(`${request.method} ${request.url}`, { cause: error });
    } finally {
      release();
    }
  };
  return {
    fetch,
    baseUrl,
    control: controlUrl === undefined ? undefined : httpControl(controlUrl),
    clock: systemClock,
    info: { kind: 'url', baseUrl, ...(controlUrl === undefined ? {} : { controlUrl }) },
    // Every request may take its whole timeout; a little slack for the harness itself.
    timeBudgetMs: (requests, waitsMs) =>
      waitsMs + (requests + 2) * config.requestTimeoutMs + 10_000,
  };
}
