/**
 * What a run is aimed at, as plain data: the front doors build it from the options, and it
 * crosses into the worker that runs the suites through vitest's `provide` (run-config.ts), where
 * harness/targets turns it into a Target per service.
 */
import type { TargetAuthConfig } from '../http/index.ts';

/** What the CLI passes to the suites through vitest's `provide`: plain data, serialisable. */
export type TargetConfig = TargetKindConfig & {
  /** The most bytes of one answer's body the run reads (`--max-answer-bytes`); a default when absent. */
  readonly maxAnswerBytes?: number;
};

type TargetKindConfig =
  | {
      readonly kind: 'embedded';
      readonly cancelMode: 'honor' | 'unimplemented' | 'completes-despite-cancel';
      readonly cancelDelayMs: number;
      /** A deliberately broken variant of the reference (harness/reference/faults), for the self-test. */
      readonly fault?: string;
      /** A conformant variant that differs from the reference as the docs allow (harness/reference/faults/variants.ts). */
      readonly variant?: string;
    }
  | {
      readonly kind: 'url';
      readonly baseUrl: string;
      /** Absent when the run has no control endpoint (`--control none`). */
      readonly controlUrl?: string;
      readonly requestTimeoutMs: number;
      /** A round trip the preflight measured, one request at a time (http/request-timeout.ts). */
      readonly roundTripMs?: number;
      /** Credentials to send (`--header`, `--auth adc`); none when absent. */
      readonly auth?: TargetAuthConfig;
    }
  | {
      /** Google's endpoints (`--live`): each service at its own base URL, never a control hook. */
      readonly kind: 'live';
      /** Service id → base URL: `https://<documented host>` or `--endpoint`. */
      readonly endpoints: Readonly<Record<string, string>>;
      readonly auth: TargetAuthConfig;
      /** Requests per second per host (`--max-rps`). */
      readonly maxRps: number;
      /** Requests per service after which nothing more is sent (`--max-requests`). */
      readonly maxRequests?: number;
      readonly requestTimeoutMs: number;
    }
  | {
      /** A recorded session answering offline (`--target replay:FILE.har`). */
      readonly kind: 'replay';
      readonly file: string;
      /** Service id → the base URL the session was recorded against. */
      readonly endpoints: Readonly<Record<string, string>>;
    }
  | {
      /** The user's own MSW handlers, answering in-process (docs/MSW-TARGET.md). */
      readonly kind: 'msw';
      /** Absolute path of the handlers module: the worker that runs the suites imports it. */
      readonly modulePath: string;
      /** The path as the user wrote it, for the report. */
      readonly source: string;
    };
