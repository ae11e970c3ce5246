/**
 * How long to wait before retrying a transient answer. What the server asks for comes first: the
 * `Retry-After` header (RFC 9110 §10.2.3: delay-seconds or an HTTP-date), else a
 * `google.rpc.RetryInfo.retry_delay` in the AIP-193 error body (googleapis
 * `google/rpc/error_details.proto`; a protobuf Duration in JSON is `"1.5s"`). When it names none,
 * the backoff of Google's own clients for google.longrunning.Operations: a first delay of 100 ms,
 * 1.3 times longer for each further retry, at most 60 s, and a wait drawn at random below it
 * ("full jitter", so requests refused together do not come back together). Those are the
 * `retry_params` of gax-nodejs `src/operations_client_config.json` and the jitter of its
 * `normalCalls/retries.ts` (https://github.com/googleapis/gax-nodejs).
 */
import { RETRY_INFO_TYPE } from '#specs';

/** Milliseconds to wait per `Retry-After`; a date in the past means 0. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // delay-seconds is 1*DIGIT; anything else numeric-looking is not a date either.
  if (/^[\d.+-]+$/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Milliseconds from a RetryInfo detail in an AIP-193 body, if there is one. */
export function retryInfoDelay(body: string): number | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const details = (parsed as { error?: { details?: unknown } } | null)?.error?.details;
  if (!Array.isArray(details)) return undefined;
  for (const detail of details) {
    const { '@type': type, retryDelay } = (detail ?? {}) as Record<string, unknown>;
    if (type !== RETRY_INFO_TYPE || typeof retryDelay !== 'string') continue;
    const seconds = /^(\d+(?:\.\d{1,9})?)s$/.exec(retryDelay)?.[1];
    if (seconds !== undefined) return Math.round(Number(seconds) * 1000);
  }
  return undefined;
}

/** The wait a transient answer asks for: the header first, then the body. */
export function requestedDelay(headers: Headers, body: string, now: number): number | undefined {
  return parseRetryAfter(headers.get('retry-after'), now) ?? retryInfoDelay(body);
}

/** Google's backoff for Operations (gax-nodejs `operations_client_config.json`, `retry_params`). */
export interface Backoff {
  /** The delay ceiling before the first retry. */
  readonly initialMs: number;
  /** Each further retry's ceiling is this many times the previous one… */
  readonly multiplier: number;
  /** …up to this. */
  readonly maxMs: number;
}

export const GAX_OPERATIONS_BACKOFF: Backoff = { initialMs: 100, multiplier: 1.3, maxMs: 60_000 };

/** The wait before retry `retry` (1 for the first) when the server names none: jittered below the ceiling. */
export function backoffDelay(backoff: Backoff, retry: number, random: () => number): number {
  const ceiling = Math.min(backoff.initialMs * backoff.multiplier ** (retry - 1), backoff.maxMs);
  return Math.round(random() * ceiling);
}
