/**
 * The run a suite belongs to, handed over by the CLI through vitest's `provide`. A plain
 * `vitest run` (npm test) gets the default: every service against the embedded reference.
 * The CLI's thread reads this module too, so it imports nothing from vitest at run time: the
 * test API would load vitest's runner there (current-run-config.ts reads `inject` in the suites).
 */
import type { Strength } from '#reports';
import { type ServiceProfile, seedServiceIds } from '#specs';
import type { TargetConfig } from './target-config.ts';

/** Settle time on the embedded reference: free, since its clock is advanced by hand. */
/** How long cancellation may take to show before the outcome is INCONCLUSIVE. */
export const DEFAULT_DEADLINE_MS = 30_000;
export const EMBEDDED_SETTLE_MS = 30_000;
/**
 * Settle time over HTTP: real time, paid about once per run since tests overlap. Long enough to
 * catch an operation deleted or rewritten seconds after its cancel (a purge 5 s later, say).
 */
export const URL_SETTLE_MS = 10_000;

/** What a run can give clauses beyond probes (ClauseInfo.requires). */
export interface RunCapabilities {
  /** Operations in known states, through a control endpoint. */
  readonly control: boolean;
  /** Existing operations the user names, per service (`--operation`). */
  readonly operations: Readonly<Record<string, string>>;
  /** Existing operations the user allows to be cancelled, per service (`--allow-cancel`). */
  readonly cancellable: Readonly<Record<string, string>>;
}

export interface RunConfig {
  readonly target: TargetConfig;
  readonly services: readonly string[];
  /** How long cancellation may take to show through GetOperation. */
  readonly deadlineMs: number;
  /** How long after an operation is seen done it is read again. */
  readonly settleMs: number;
  readonly capabilities: RunCapabilities;
  /** Leading name segments the caller owns, per service, for probe names. */
  readonly parents: Readonly<Record<string, string>>;
  /** Only clauses of these strengths run (`--strength`); all when absent. */
  readonly strengths?: readonly Strength[];
  /**
   * Only what harms nothing runs (`--probes-only`): the probes (clauses that require nothing) and
   * the reads of `--operation` operations.
   */
  readonly probesOnly?: true;
  /** Only the cells of this share run (`--shard index/count`). */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Makes the run's probe names (harness/clause/probe-names.ts); random per test when absent. */
  readonly probeSeed?: string;
  /** Suite files the run entry loads (absolute paths); every suite when absent. */
  readonly suiteFiles?: readonly string[];
  /**
   * The profiles the run checks beyond the seeds: a user's document (`--service-document`) or the
   * catalogue (`--catalogue`), as plain data. The worker hands them to specs before any suite
   * loads (run-entry.ts), so that every part that looks a service up by id finds them.
   */
  readonly profiles?: readonly ServiceProfile[];
}

declare module 'vitest' {
  interface ProvidedContext {
    lroRun: RunConfig;
    /** The channel the suites' worker beats on for the run's watchdog (harness/run/heartbeat.ts). */
    lroHeartbeat: string | undefined;
  }
}

export function defaultRunConfig(): RunConfig {
  return {
    target: { kind: 'embedded', cancelMode: 'honor', cancelDelayMs: 0 },
    services: seedServiceIds(),
    deadlineMs: DEFAULT_DEADLINE_MS,
    settleMs: EMBEDDED_SETTLE_MS,
    capabilities: { control: true, operations: {}, cancellable: {} },
    parents: {},
  };
}
