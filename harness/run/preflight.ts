/**
 * Before any suite runs against a URL target: is the target there, does its control endpoint
 * speak the control protocol (docs/CONTROL-PROTOCOL.md), and which services does it serve? A
 * target that refuses connections may still be starting (a CI job starts the server with `&` and
 * the run at once): it is waited for, up to `waitMs` (`--wait-for-target`), with a line saying
 * so. A target that cannot be reached stops the run with one line and exit 3; a control URL that
 * is not a control endpoint stops it with exit 2, instead of a matrix full of ERROR cells.
 *
 * It asks through the HTTP stack the run's URL target uses (harness/http): redirects are answers,
 * not followed; what is read of an answer is bounded; transient answers (429, 503) are retried,
 * and a control endpoint that stays unavailable is exit 3 with one line, never exit 2. Its round
 * trips are measured, so the run's request timeout fits a slow target from the first request
 * (harness/http/request-timeout.ts).
 */

import { type Clock, isLroError, systemClock, UnavailableError, usageError } from '#base';
import { CONTROL_PATH } from '../control/index.ts';
import { answerOf, createHttpFetch, type FetchLike, withRetries } from '../http/index.ts';

export interface PreflightResult {
  /** Services the control endpoint says it serves; undefined when it does not say (or none). */
  readonly servedServices: readonly string[] | undefined;
  /** The slowest of the preflight's round trips, in milliseconds, each sent on its own. */
  readonly roundTripMs: number;
}

export interface PreflightOptions {
  readonly baseUrl: string;
  /** Undefined when the run has no control endpoint (`--control none`). */
  readonly controlUrl: string | undefined;
  readonly timeoutMs: number;
  /** `--max-answer-bytes`; the default when absent. */
  readonly maxAnswerBytes?: number | undefined;
  /** A service to create a probe operation for, when `GET {control}` does not describe the target. */
  readonly probeService: string;
  /** The option that gives the control URL, as messages name it (default `--control`). */
  readonly controlOption?: string;
  /**
   * How long a target (and its control endpoint) that refuses connections is waited for, in
   * milliseconds: it may still be starting. 0 or absent: not at all.
   */
  readonly waitMs?: number;
  /** The option that sets `waitMs`, as messages name it (default `--wait-for-target`). */
  readonly waitOption?: string;
  /** Told when the wait starts and when the target answers after it: lines for people. */
  readonly onWaiting?: (line: string) => void;
  readonly clock?: Clock;
}

export async function preflight(options: PreflightOptions): Promise<PreflightResult> {
  const { controlUrl } = options;
  const clock = options.clock ?? systemClock;
  const wait = startingWait(options, clock);
  const network = createHttpFetch({
    timeoutMs: options.timeoutMs,
    maxAnswerBytes: options.maxAnswerBytes,
  });
  const timed = timing(network);
  const fetch = withRetries(timed.fetch, { clock });
  // Any answer of the target's base URL shows it is there, however long: only the control
  // endpoint's answers are read.
  const anyAnswer = withRetries(timed.fetch, { clock, whenExhausted: 'return' });
  await wait.reach(
    (request) =>
      anyAnswer(request).catch((error: unknown) => {
        const partial = answerOf(error);
        if (partial === undefined) throw error;
        return new Response(null, { status: partial.status, headers: partial.headers });
      }),
    { url: options.baseUrl, what: 'target' },
  );
  if (controlUrl === undefined) return { servedServices: undefined, roundTripMs: timed.slowest() };
  const described = await wait.reach(fetch, { url: controlUrl, what: 'control endpoint' });
  const services = described.ok ? servicesIn(await described.text()) : undefined;
  if (services !== undefined) return { servedServices: services, roundTripMs: timed.slowest() };
  // `GET {control}` is optional: an endpoint that creates operations is a control endpoint too.
  const created = await reach(fetch, {
    url: `${controlUrl}/operations`,
    what: 'control endpoint',
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ service: options.probeService, scenario: 'done' }),
    },
  });
  if (created.status === 201) return { servedServices: undefined, roundTripMs: timed.slowest() };
  const control = options.controlOption ?? '--control';
  throw usageError(
    `no control endpoint at ${controlUrl} (GET answered ${answered(described)}, POST ${CONTROL_PATH}/operations answered ${answered(created)}): ` +
      `pass the control URL with ${control} URL (docs/CONTROL-PROTOCOL.md), or ${control} none to run only the clauses that need none`,
  );
}

/** Narrows the requested services to what the target serves, or fails when one is not served. */
export function selectServices(
  requested: readonly string[] | undefined,
  all: readonly string[],
  served: readonly string[] | undefined,
): readonly string[] {
  if (!served) return requested ?? all;
  if (!requested) return all.filter((id) => served.includes(id));
  const missing = requested.filter((id) => !served.includes(id));
  if (missing.length > 0) {
    throw usageError(
      `the target does not serve ${missing.join(', ')} (its control endpoint lists ${served.join(', ')})`,
    );
  }
  return requested;
}

/**
 * Socket errors of a server that is not listening yet, or is closing connections while it
 * starts. A timeout, a name that does not resolve or a TLS failure is no sign of starting.
 */
const STARTING_REASONS: readonly string[] = ['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET'];

/** First retry after 100 ms, then twice as long each time, at most a second apart. */
const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 1000;

/**
 * `reach` for the preflight's GETs: while the answer is a refused connection and the wait
 * (one budget for the target and its control endpoint) is not used up, try again. Says once
 * that it waits, and once how long it took when the target answered after all.
 */
function startingWait(options: PreflightOptions, clock: Clock) {
  const waitMs = options.waitMs ?? 0;
  const waitOption = options.waitOption ?? '--wait-for-target';
  const start = clock.now();
  let waited = false;
  return {
    async reach(fetch: FetchLike, where: Reach): Promise<Response> {
      const { url, what } = where;
      let delay = FIRST_RETRY_MS;
      for (;;) {
        const left = start + waitMs - clock.now();
        try {
          const response = await reach(fetch, where, left > 0);
          if (waited) {
            waited = false;
            options.onWaiting?.(
              `the ${what} at ${url} answered after ${seconds(clock.now() - start)}`,
            );
          }
          return response;
        } catch (error) {
          if (!(error instanceof StartingTarget)) throw error;
          if (!waited) {
            waited = true;
            options.onWaiting?.(
              `the ${what} at ${url} refuses connections (${error.reason}): waiting up to ${seconds(waitMs)} for it to start (${waitOption})`,
            );
          }
          await clock.sleep(Math.min(delay, Math.max(left, 0)));
          delay = Math.min(delay * 2, MAX_RETRY_MS);
          if (start + waitMs - clock.now() <= 0) {
            throw new UnavailableError(
              `cannot reach the ${what} at ${url} (${error.reason}, still after waiting ${seconds(waitMs)} for it to start; ${waitOption} MS waits longer)`,
              { code: 'UNREACHABLE', cause: error.cause },
            );
          }
        }
      }
    },
  };
}

/** `2.1 s`, `10 s`. */
function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** A refused connection that may be tried again: the target may still be starting. */
class StartingTarget extends Error {
  readonly reason: string;

  constructor(reason: string, cause: unknown) {
    super(reason, { cause });
    this.reason = reason;
  }
}

/** A fetch that remembers how long its slowest answer took. */
function timing(fetch: FetchLike) {
  let slowest = 0;
  return {
    fetch: async (request: Request) => {
      const started = performance.now();
      const response = await fetch(request);
      slowest = Math.max(slowest, performance.now() - started);
      return response;
    },
    slowest: () => Math.round(slowest),
  };
}

interface Reach {
  readonly url: string;
  readonly what: string;
  readonly init?: RequestInit;
}

async function reach(
  fetch: FetchLike,
  { url, what, init }: Reach,
  mayStillStart = false,
): Promise<Response> {
  try {
    return await fetch(new Request(url, init));
  } catch (error) {
    const reason = reasonOf(error);
    if (mayStillStart && STARTING_REASONS.includes(reason)) throw new StartingTarget(reason, error);
    const message =
      isLroError(error) && error.code !== 'UNREACHABLE'
        ? `the ${what} at ${url} cannot be used: ${error.message}`
        : `cannot reach the ${what} at ${url} (${reason})`;
    throw new UnavailableError(message, { code: 'UNREACHABLE', cause: error });
  }
}

/** Why a request got no answer, in a few words: a system error code, or the timeout. */
function reasonOf(error: unknown): string {
  const cause = (error as Error).cause as (Error & { cause?: { code?: string } }) | undefined;
  const timedOut = /: (no complete answer within .*)$/.exec((error as Error).message)?.[1];
  return timedOut ?? cause?.cause?.code ?? cause?.message ?? (error as Error).message;
}

/** `404`, or `307 (a redirect to URL, which the run does not follow: pass that URL instead)`. */
function answered(response: Response): string {
  const location = response.headers.get('location');
  return response.status >= 300 && response.status < 400 && location !== null
    ? `${response.status}, a redirect to ${location}, which the run does not follow: pass that URL instead`
    : String(response.status);
}

function servicesIn(text: string): readonly string[] | undefined {
  try {
    const services = (JSON.parse(text) as { services?: unknown }).services;
    return Array.isArray(services) && services.every((s) => typeof s === 'string')
      ? services
      : undefined;
  } catch {
    return undefined;
  }
}
