/**
 * Counts the requests each service receives and, optionally, refuses to send more than a cap:
 * a live run's footprint is known and bounded, and printed at the end. The count is of requests
 * actually handed to the network, retries included (wrap the innermost fetch). A request over
 * the cap is not sent; it fails with a HarnessError coded REQUEST_BUDGET, so the cell is
 * ERROR, never FAIL: running out of budget says nothing about the target.
 */
import { HarnessError } from '#base';
import type { FetchLike } from './fetch-like.ts';

function budgetSpent(service: string, cap: number): HarnessError {
  return new HarnessError(
    `${service}: the request budget of ${cap} requests is spent; the request was not sent (raise the cap to check more)`,
    { code: 'REQUEST_BUDGET' },
  );
}

export interface RequestBudget {
  /** Requests per service after which nothing more is sent; undefined = no cap. */
  readonly cap: number | undefined;
  /** Counts (and caps) every request `fetch` sends for `service`. */
  wrap(fetch: FetchLike, service: string): FetchLike;
  count(service: string): number;
  /** Requests sent per service, in the order services first sent one. */
  counts(): Readonly<Record<string, number>>;
  /** How many requests were refused for being over the cap, per service. */
  refused(): Readonly<Record<string, number>>;
  /** One line for the end of a run: `requests sent: checks 12, datafusion 9 (cap 200 per service)`. */
  summary(): string;
}

export function createRequestBudget(options: { cap?: number | undefined } = {}): RequestBudget {
  const { cap } = options;
  if (cap !== undefined && (!Number.isSafeInteger(cap) || cap < 1)) {
    throw new RangeError(`a request cap must be a whole number of at least 1; got ${cap}`);
  }
  const sent = new Map<string, number>();
  const refusals = new Map<string, number>();
  const count = (service: string) => sent.get(service) ?? 0;
  return {
    cap,
    wrap: (fetch, service) => async (request) => {
      if (cap !== undefined && count(service) >= cap) {
        refusals.set(service, (refusals.get(service) ?? 0) + 1);
        throw budgetSpent(service, cap);
      }
      sent.set(service, count(service) + 1);
      return fetch(request);
    },
    count,
    counts: () => Object.fromEntries(sent),
    refused: () => Object.fromEntries(refusals),
    summary: () => {
      const parts = [...sent].map(([service, n]) => {
        const refused = refusals.get(service);
        return refused === undefined ? `${service} ${n}` : `${service} ${n} (${refused} refused)`;
      });
      const total = parts.length === 0 ? 'none' : parts.join(', ');
      return `requests sent: ${total}${cap === undefined ? '' : ` (cap ${cap} per service)`}`;
    },
  };
}
