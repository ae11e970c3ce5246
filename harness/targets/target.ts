/**
 * A target is what the suites talk to for one service: a fetch-shaped function plus the base URL,
 * the control hook and the clock that go with it. Suites never know which kind they have: the
 * clause context (harness/clause/clause-context.ts) hides it.
 */
import type { Clock } from '#base';
import type { TargetInfo } from '#reports';
import type { Scenario } from '../control/index.ts';
import type { FetchLike } from '../http/index.ts';
import type { RunMemo } from './run-memo.ts';

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
  /**
   * Adds the run's credentials (`--header`, Application Default Credentials) to a request.
   * Absent when the run sends none. The clause context calls it before its recorder, so the
   * evidence shows what was sent (scrubbed), and can leave it out for the probe of a request
   * without credentials.
   */
  authorize?(request: Request): Promise<Request>;
  /**
   * What the tests of one run share, kept for the whole run: the one cancel of an operation the
   * user allowed to be cancelled, and probe answers. Absent when nothing is shared (the embedded
   * reference is made afresh for every test).
   */
  readonly memo?: RunMemo;
  /**
   * Whether a probe request (an absent or malformed name) identical to one already sent for the
   * service is answered from the first one: live runs send each probe once, however many
   * clauses judge its answer.
   */
  readonly shareProbes?: boolean;
  /** Requests sent so far for this target's service, retries included (live runs' budget). */
  requestsSent?(): number;
}
