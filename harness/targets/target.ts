/**
 * A target is what the suites talk to: a fetch-shaped function plus the URLs and the clock that
 * go with it (HOUSE-STYLE point 7). Suites never know which kind they have (point 6).
 */
import type { TargetInfo } from '#reports';
import type { Clock } from '../clock/clock.ts';

export type FetchLike = (request: Request) => Promise<Response>;

export interface Target {
  readonly fetch: FetchLike;
  /** Base URL the service paths hang from, e.g. `http://127.0.0.1:8080`. */
  readonly baseUrl: string;
  /** The test-control endpoint (docs/CONTROL-PROTOCOL.md); '' when the run has none. */
  readonly controlUrl: string;
  readonly clock: Clock;
  readonly info: TargetInfo;
  /**
   * Real milliseconds a test may take after sending `requests` requests and waiting `waitsMs`
   * of this target's clock (deadline and settle time): past it the test is abandoned as ERROR,
   * a fault of the harness, never of the target.
   */
  timeBudgetMs(requests: number, waitsMs: number): number;
}

/** What the CLI passes to the suites through vitest's `provide`: plain data, serialisable. */
export type TargetConfig =
  | {
      readonly kind: 'mock';
      readonly cancelMode: 'honor' | 'unimplemented' | 'complete-despite';
      readonly cancelDelayMs: number;
      /** A deliberately broken variant of the reference (harness/faults), for the self-test. */
      readonly fault?: string;
      /** A conformant variant that differs from the reference as the docs allow (harness/faults/variants.ts). */
      readonly variant?: string;
    }
  | {
      readonly kind: 'url';
      readonly baseUrl: string;
      /** Absent when the run has no control endpoint (`--control none`). */
      readonly controlUrl?: string;
      readonly requestTimeoutMs: number;
    };
