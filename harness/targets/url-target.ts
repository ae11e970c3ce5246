/**
 * The `url` target: any implementation reachable over HTTP, driven through its control
 * endpoint when it has one. A connection failure or a timeout is a HarnessError (ERROR), never a
 * FAIL.
 */
import { systemClock } from '../clock/clock.ts';
import { TargetUnreachableError } from './harness-error.ts';
import { httpControl } from './http-control.ts';
import type { Target, TargetConfig } from './target.ts';

export function createUrlTarget(config: Extract<TargetConfig, { kind: 'url' }>): Target {
  const baseUrl = config.baseUrl.replace(/\/+$/, '');
  const controlUrl = config.controlUrl?.replace(/\/+$/, '');
  const fetch = async (request: Request): Promise<Response> => {
    try {
      return await globalThis.fetch(request, {
        signal: AbortSignal.timeout(config.requestTimeoutMs),
      });
    } catch (error) {
      throw new TargetUnreachableError(`${request.method} ${request.url}`, { cause: error });
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
