/**
 * The `msw` target: the user's own MSW handlers (docs/MSW-TARGET.md) answering in-process
 * through msw's `getResponse`, with no socket and no global patching, so a team proves that its
 * mocks behave like the documented API. Operations come from the module's control hook. The
 * handlers keep their own state and their own notion of time, so the harness polls them on the
 * system clock. A request no handler answers, a handler that throws and a control hook that
 * fails are faults of the set-up: HarnessError (ERROR), never a conformance FAIL. The answers
 * pass the policy every target shares: the bound on what is read of an answer (a handler with an
 * endless body stream is ERROR, not a run that fills memory) and the retries of transient answers.
 */
import { getResponse, isPassthroughResponse } from 'msw';
import { HarnessError, systemClock } from '#base';
import type { RetryingFetch } from '../http/index.ts';
import { DEFAULT_MAX_ANSWER_BYTES, withAnswerLimit, withRetries } from '../http/index.ts';
import type { MswHandlersModule } from './msw-module.ts';
import type { Target } from './target.ts';

/** In-process answers: past this much real time beyond its waits, a test is stuck. */
const MSW_TIME_BUDGET_MS = 60_000;

/** The fetch every service of the module shares: its handlers, nothing else. */
export function mswFetch(
  module: MswHandlersModule,
  source: string,
  maxAnswerBytes = DEFAULT_MAX_ANSWER_BYTES,
): RetryingFetch {
  const handled = async (request: Request): Promise<Response> => {
    const what = `${request.method} ${request.url}`;
    let response: Response | undefined;
    try {
      response = await getResponse([...module.handlers], request);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new HarnessError(`a handler of ${source} threw on ${what}: ${message}`, {
        cause: error,
      });
    }
    if (response === undefined || isPassthroughResponse(response)) {
      throw new HarnessError(
        `no handler of ${source} answered ${what}: add one for this path (or check the module's baseUrl)`,
      );
    }
    return response;
  };
  return withRetries(withAnswerLimit(handled, maxAnswerBytes), { clock: systemClock });
}

export function createMswTarget(
  module: MswHandlersModule,
  source: string,
  serviceId: string,
  fetch: RetryingFetch = mswFetch(module, source),
): Target {
  return {
    fetch,
    baseUrl: module.baseUrlOf(serviceId),
    control: {
      async createOperation(service, scenario) {
        let name: unknown;
        try {
          name = await module.createOperation(service, scenario);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          throw new HarnessError(
            `createOperation("${service}", "${scenario}") of ${source} threw: ${message}`,
            { cause: error },
          );
        }
        if (typeof name !== 'string' || name === '') {
          throw new HarnessError(
            `createOperation("${service}", "${scenario}") of ${source} returned ${JSON.stringify(name) ?? String(name)}, not an operation name`,
          );
        }
        return name;
      },
    },
    clock: systemClock,
    info: { kind: 'msw', source },
    timeBudgetMs: (_requests, waitsMs) => waitsMs + fetch.waitedMs() + MSW_TIME_BUDGET_MS,
  };
}
