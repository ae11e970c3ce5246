/**
 * How long a 429 or 503 answer asks the client to wait: the `Retry-After` header (RFC 9110
 * §10.2.3: delay-seconds or an HTTP-date), else a `google.rpc.RetryInfo.retry_delay` in the
 * AIP-193 error body (googleapis `google/rpc/error_details.proto`; a protobuf Duration in JSON is
 * `"1.5s"`). Undefined when neither says.
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

/** The wait a throttled response asks for: the header first, then the body. */
export async function requestedDelay(response: Response, now: number): Promise<number | undefined> {
  return (
    parseRetryAfter(response.headers.get('retry-after'), now) ??
    retryInfoDelay(await response.clone().text())
  );
}
