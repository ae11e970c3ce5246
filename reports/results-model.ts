/**
 * The results model: what a conformance run produced, in a stable, serialisable form. The harness
 * writes it into vitest task meta; reporters and renderers read only this (never the harness).
 * Outcomes follow web-platform-tests' richer-than-pass/fail model (see docs/INTERPRETING.md).
 */

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

/** Where a clause's words come from. */
export interface ClauseSource {
  /**
   * `seed` = a documentation page under specs/seeds/; `discovery` = a Discovery document under
   * specs/discovery/; `proto` / `aip` = a public googleapis or AIP location; `client` = how a
   * real client library behaves; `observed` = undocumented behaviour seen on Google front ends.
   */
  readonly kind: 'seed' | 'discovery' | 'proto' | 'aip' | 'client' | 'observed';
  /** Seed file name (`003_0d45fe534da2664f.txt`) or public URL. */
  readonly ref: string;
  /** This source's own words, where they differ from the clause's quote. */
  readonly quote?: string;
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
}

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
}

/** The verdict of one clause for one service. */
export interface CellResult {
  readonly service: string;
  readonly clause: string;
  readonly outcome: Outcome;
  readonly strength: Strength;
  readonly message?: string;
  readonly warnings?: readonly string[];
  /** The exchanges the verdict rests on (always present on FAIL). */
  readonly evidence?: readonly Exchange[];
  readonly durationMs?: number;
}

export interface TargetInfo {
  readonly kind: 'mock' | 'url';
  readonly baseUrl?: string;
  readonly controlUrl?: string;
  /** For the embedded reference: how it was configured (`honor`, delay, …). */
  readonly reference?: {
    readonly cancelMode: string;
    readonly cancelDelayMs: number;
    /** A deliberately injected fault (`--fault`), when the run is a self-test. */
    readonly fault?: string;
  };
}

export const RESULTS_SCHEMA_VERSION = 1;

export interface RunResults {
  readonly schemaVersion: typeof RESULTS_SCHEMA_VERSION;
  readonly tool: { readonly name: 'lro-conformance'; readonly version: string };
  readonly startedAt: string;
  readonly durationMs: number;
  readonly target: TargetInfo;
  readonly services: readonly string[];
  readonly clauses: readonly ClauseInfo[];
  /** One entry per service × clause. */
  readonly results: readonly CellResult[];
  readonly summary: RunSummary;
}

export interface RunSummary {
  readonly counts: Readonly<Record<Outcome, number>>;
  /** Cells of MUST clauses whose outcome is FAIL: any makes the run non-conformant (exit 1). */
  readonly mustFailures: number;
}
