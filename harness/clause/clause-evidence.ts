/**
 * What a test keeps as the evidence of its cell's outcome: every exchange it made (recorded and
 * scrubbed by exchange-recorder.ts), the exchanges of observations it shares with other tests of
 * the run (adopted once each), and its warnings (each said once, in order).
 */
import type { Exchange } from '#reports';
import type { FetchLike } from '../http/index.ts';
import { recordExchanges } from './exchange-recorder.ts';

/** The suite's view (members of the clause context). */
export interface EvidenceView {
  /** Every exchange of this test so far: the evidence of its outcome. */
  readonly exchanges: readonly Exchange[];
  readonly warnings: readonly string[];
  warn(message: string): void;
}

export interface ClauseEvidence extends EvidenceView {
  /** The target's fetch, recording into `exchanges`. */
  readonly fetch: FetchLike;
  /** Adds exchanges another test recorded (a shared observation); each is added once. */
  adopt(exchanges: readonly Exchange[]): void;
}

export function createClauseEvidence(fetch: FetchLike): ClauseEvidence {
  const recorder = recordExchanges(fetch);
  const warnings: string[] = [];
  const adopted = new Set<Exchange>();
  return {
    fetch: recorder.fetch,
    exchanges: recorder.exchanges,
    warnings,
    warn: (message) => {
      if (!warnings.includes(message)) warnings.push(message);
    },
    adopt: (exchanges) => {
      recorder.adopt(exchanges.filter((exchange) => !adopted.has(exchange)));
      for (const exchange of exchanges) adopted.add(exchange);
    },
  };
}
