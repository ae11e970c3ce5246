/**
 * A target is what the suites talk to for one service: a fetch-shaped function plus the base URL,
 * the control hook and the clock that go with it (HOUSE-STYLE point 7). Suites never know which
 * kind they have (point 6).
 */
import type { TargetInfo } from '#reports';
import type { Clock } from '../clock/clock.ts';
import type { Scenario } from '../control-protocol/vocabulary.ts';

export type FetchLike = (request: Request) => Promise<Response>;

/** How a target makes operations in known states (docs/CONTROL-PROTOCOL.md). */
export interface ControlHook {
  /**
   * Creates an operation of `serviceId` in `scenario` and resolves to its name. `fetch` is the
   * test's recording fetch, so control requests sent over HTTP become evidence too.
   */
  createOperation(serviceId: string, scenario: Scenario, fetch: FetchLike): Promise<string>;
}

export interface Target {
  readonly fetch: FetchLike;
  /** Base URL the service's paths hang from, e.g. `http://127.0.0.1:8080`. */
  readonly baseUrl: string;
  /** Undefined when the run has no way to make operations (`--control none`, live runs). */
  readonly control: ControlHook | undefined;
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
    }
  | {
      /** The user's own MSW handlers, answering in-process (docs/MSW-TARGET.md). */
      readonly kind: 'msw';
      /** Absolute path of the handlers module: the worker that runs the suites imports it. */
      readonly modulePath: string;
      /** The path as the user wrote it, for the report. */
      readonly source: string;
    };
