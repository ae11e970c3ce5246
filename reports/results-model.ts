/**
 * The results model: what a conformance run produced, in a stable, serialisable form. The harness
 * writes it into vitest task meta; reporters and renderers read only this (never the harness).
 * Outcomes follow web-platform-tests' richer-than-pass/fail model (see docs/INTERPRETING.md).
 */

import type { OperationsCall } from '#specs';

/** RFC 2119 strength of a clause. `observed` is undocumented front-end behaviour: reported, never scored. */
export type Strength = 'MUST' | 'SHOULD' | 'observed';

export const OUTCOMES = [
  'PASS',
  'FAIL',
  'NOT_APPLICABLE',
  'INCONCLUSIVE',
  'ERROR',
  'SKIPPED',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * What a clause needs before it can run. Live runs are safe by default: a clause that needs
 * operations made through the control endpoint, or an operation the user names, is SKIPPED
 * (with the flag that would enable it) when the run has none.
 */
export const CLAUSE_REQUIREMENTS = [
  /** Operations in known states, created through the test-control endpoint. */
  'control',
  /** An existing operation the user names (`--operation`), read but never changed. */
  'operation',
  /** An existing operation the user allows to be cancelled (`--allow-cancel`), or control. */
  'cancellable-operation',
  /** Nothing: a probe with absent or malformed names that harms nothing. */
  'nothing',
] as const;
export type ClauseRequirement = (typeof CLAUSE_REQUIREMENTS)[number];

/** Where a clause's words come from. */
export interface ClauseSource {
  /**
   * `seed` = a documentation page under specs/seeds/; `discovery` = a Discovery document under
   * specs/discovery/; `proto` / `aip` / `rfc` = a public googleapis, AIP or IETF location;
   * `client` = how a real client library behaves; `observed` = undocumented behaviour seen on
   * Google front ends.
   */
  readonly kind: 'seed' | 'discovery' | 'proto' | 'aip' | 'rfc' | 'client' | 'observed';
  /** Seed file name (`003_0d45fe534da2664f.txt`), Discovery file name or public URL. */
  readonly ref: string;
  /** What the source is, for people: `Checks API v1alpha: Method accounts.apps.operations.cancel`. */
  readonly title?: string;
  /** The service whose own documentation this is (seed and discovery sources). */
  readonly service?: string;
  /** The public page the source was taken from, when `ref` is not one. */
  readonly url?: string;
  /** This source's own words, where they differ from the clause's quote. */
  readonly quote?: string;
}

/** What each outcome other than PASS means for one clause (CONFORMANCE.md prints them). */
export interface ClauseOutcomeMeanings {
  readonly FAIL: string;
  readonly NOT_APPLICABLE?: string;
  readonly INCONCLUSIVE?: string;
}

/** The metadata every suite file declares first (test262's frontmatter, as data). */
export interface ClauseInfo {
  /** Stable id = the suite file path under suites/ without `.test.ts`: `cancel/cancelled-operation-has-error-code-1`. */
  readonly id: string;
  /** Present-tense observable sentence. */
  readonly title: string;
  readonly strength: Strength;
  /** The verbatim sentence the clause checks. */
  readonly quote: string;
  readonly sources: readonly ClauseSource[];
  /** Service ids the clause applies to; `all` for every service. */
  readonly services: readonly string[] | 'all';
  readonly requires: ClauseRequirement;
  /**
   * What the clause sends to a service: `cancel` (no body), `cancel-body`, `get`,
   * `get-on-cancel-url`. A service whose published surface lacks one (a profile's limits) cannot
   * run the clause: its cell is SKIPPED with the reason. Absent in results written before 0.2.
   */
  readonly calls?: readonly OperationsCall[];
  /** How the suite checks the clause, in a sentence or two. */
  readonly method: string;
  readonly meanings: ClauseOutcomeMeanings;
  /** Set when the clause rests on several sentences rather than its quote alone: which, and how. */
  readonly derivation?: string;
}

/**
 * A response header the harness adds to an answer it did not judge but retried (a 503, a 429),
 * as evidence keeps it: its value says what the harness did next. The answer judged comes after.
 */
export const RETRY_HEADER = 'x-lro-conformance-retry';

/** One HTTP request and its response, as evidence. Credentials are already scrubbed. */
export interface Exchange {
  readonly request: {
    readonly method: string;
    readonly url: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body?: string;
  };
  readonly response?: {
    readonly status: number;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: string;
  };
  /** A curl command line that reproduces the request. */
  readonly curl: string;
  /** When the request was sent (ISO 8601) and how long the answer took, for HAR and timings. */
  readonly startedAt?: string;
  readonly durationMs?: number;
}

/** What a cell's cancels showed about whether the service supports cancel at all. */
export type CancelSupport = 'supported' | 'unsupported';

/** A known deviation recorded in an expectations file (web-platform-tests' metadata). */
export interface CellExpectation {
  /** The outcome the expectations file records for this cell. */
  readonly outcome: Outcome;
  readonly reason: string;
  readonly link?: string;
  /** Date (YYYY-MM-DD) after which the expectation no longer applies. */
  readonly expires?: string;
  /** met: the cell ended as expected; unexpected-pass / differs: it did not; expired: past its date. */
  readonly status: 'met' | 'unexpected-pass' | 'differs' | 'expired';
}

/** The outcome of one clause for one service: a cell. */
export interface CellResult {
  readonly service: string;
  readonly clause: string;
  readonly outcome: Outcome;
  readonly strength: Strength;
  readonly message?: string;
  readonly warnings?: readonly string[];
  /** Every exchange the cell made, in order: the evidence of its outcome. */
  readonly evidence?: readonly Exchange[];
  readonly durationMs?: number;
  /**
   * A key shared by findings with one cause (the same check failing the same way), so reports
   * can group thirty identical failures into one.
   */
  readonly rootCause?: string;
  readonly cancelSupport?: CancelSupport;
  readonly expectation?: CellExpectation;
}

export type TargetKind = 'embedded' | 'url' | 'live' | 'msw' | 'replay';

export interface TargetInfo {
  readonly kind: TargetKind;
  readonly baseUrl?: string;
  readonly controlUrl?: string;
  /** Per-service base URLs, where they differ by service (live runs). */
  readonly endpoints?: Readonly<Record<string, string>>;
  /** How requests were authenticated (never the credential itself). */
  readonly auth?: 'none' | 'adc' | 'headers';
  /** `msw`: the user's handlers module; `replay`: the HAR file. */
  readonly source?: string;
  /** For the embedded reference: how it was configured (`honor`, delay, …). */
  readonly reference?: {
    readonly cancelMode: string;
    readonly cancelDelayMs: number;
    /** A deliberately injected fault (`--fault`), when the run is a self-test. */
    readonly fault?: string;
    /** A conformant variant of the reference (`--variant`). */
    readonly variant?: string;
  };
}

/** Extra conditions under which a run does not pass (`--fail-on`). */
export const FAIL_ON = ['should', 'inconclusive', 'error'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface RunSettings {
  /** How long a cancel may take to show through GetOperation. */
  readonly deadlineMs: number;
  /** How long after a terminal state is seen it is read again. */
  readonly settleMs: number;
  readonly requestTimeoutMs?: number;
  readonly failOn: readonly FailOn[];
  /**
   * `--probes-only`: the run checked the probes alone and asked to be judged on them (their
   * SHOULD cells count like MUST cells). Absent otherwise.
   */
  readonly probesOnly?: true;
}

export const RESULTS_SCHEMA_VERSION = 3;

export interface RunResults {
  readonly schemaVersion: typeof RESULTS_SCHEMA_VERSION;
  readonly tool: { readonly name: 'lro-conformance'; readonly version: string };
  /**
   * The id the caller gave the run (`--run-id`), so that it can tell its own report from one an
   * earlier run left in the same directory; absent when none was given.
   */
  readonly runId?: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly target: TargetInfo;
  readonly settings: RunSettings;
  readonly services: readonly string[];
  readonly clauses: readonly ClauseInfo[];
  /** One entry per service × clause. */
  readonly results: readonly CellResult[];
  readonly summary: RunSummary;
  /** This run is one share of a sharded run (`--shard index/count`). */
  readonly shard?: { readonly index: number; readonly count: number };
  /** The run was stopped (SIGINT, SIGTERM or SIGHUP) before every cell finished. */
  readonly interrupted?: boolean;
  /** What kept checks from running at all (a suite file that could not load, …). */
  readonly problems?: readonly string[];
  /** Requests sent per service, for live runs' request budget. */
  readonly requests?: Readonly<Record<string, number>>;
  /**
   * Per service, the `lro-conformance run` arguments that check that service again as this run
   * did: the target (for the embedded reference its cancel mode, delay, fault or variant), the
   * timing, and that service's names, endpoint and credential options, ending with `--service`.
   * A report's rerun command for one cell adds `--clause ID`. Never a credential: header values
   * stay as typed (`$NAME`), and values the scrubber knows read `[REDACTED]`.
   */
  readonly rerun?: Readonly<Record<string, readonly string[]>>;
}

/**
 * conformant: every applicable MUST cell passed, and at least one did; not-conformant: a scored
 * cell fails; harness-error: a scored cell could not be checked (ERROR) or a suite could not
 * run; not-verified: no failure, but a scored cell is INCONCLUSIVE or no MUST cell passed;
 * interrupted: the run was stopped.
 */
export const VERDICTS = [
  'conformant',
  'not-conformant',
  'harness-error',
  'not-verified',
  'interrupted',
] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface RunSummary {
  readonly counts: Readonly<Record<Outcome, number>>;
  /** Cells of MUST clauses whose outcome is FAIL. */
  readonly mustFailures: number;
  readonly verdict: Verdict;
}
