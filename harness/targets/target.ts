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
  /** The test-control endpoint (docs/CONTROL-PROTOCOL.md). */
  readonly controlUrl: string;
  readonly clock: Clock;
  readonly info: TargetInfo;
}

/** What the CLI passes to the suites through vitest's `provide`: plain data, serialisable. */
export type TargetConfig =
  | {
      readonly kind: 'mock';
      readonly cancelMode: 'honor' | 'unimplemented' | 'complete-despite';
      readonly cancelDelayMs: number;
      /** A deliberately broken variant of the reference (harness/faults), for the self-test. */
      readonly fault?: string;
    }
  | {
      readonly kind: 'url';
      readonly baseUrl: string;
      readonly controlUrl: string;
      readonly requestTimeoutMs: number;
    };
