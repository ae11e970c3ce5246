/**
 * The slice of HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) the recorder writes and
 * the replayer reads. Custom fields start with `_`, as the spec asks: `log._lroConformance` holds
 * the placeholders that stand for the user's parents, `entry._error` marks an exchange that got
 * no response (browsers use the same name).
 */

export interface HarNameValue {
  readonly name: string;
  readonly value: string;
}

export interface HarRequest {
  readonly method: string;
  readonly url: string;
  readonly httpVersion: string;
  readonly cookies: readonly HarNameValue[];
  readonly headers: readonly HarNameValue[];
  readonly queryString: readonly HarNameValue[];
  readonly postData?: { readonly mimeType: string; readonly text: string };
  readonly headersSize: number;
  readonly bodySize: number;
}

export interface HarContent {
  readonly size: number;
  readonly mimeType: string;
  readonly text?: string;
  /** `base64` when `text` is base64-encoded binary. */
  readonly encoding?: string;
}

export interface HarResponse {
  /** 0 when no response arrived (transport failure). */
  readonly status: number;
  readonly statusText: string;
  readonly httpVersion: string;
  readonly cookies: readonly HarNameValue[];
  readonly headers: readonly HarNameValue[];
  readonly content: HarContent;
  readonly redirectURL: string;
  readonly headersSize: number;
  readonly bodySize: number;
}

export interface HarEntry {
  readonly startedDateTime: string;
  readonly time: number;
  readonly request: HarRequest;
  readonly response: HarResponse;
  readonly cache: Record<string, never>;
  readonly timings: { readonly send: number; readonly wait: number; readonly receive: number };
  readonly _error?: string;
  readonly comment?: string;
}

/** How a recorded run was set up, so that a replay asks what it asked (`run --record`). */
export interface RecordedRun {
  readonly services: readonly string[];
  /** Service id → the base URL its requests went to. */
  readonly endpoints: Readonly<Record<string, string>>;
  /** What the run's probe names were made from (harness/clause/probe-names.ts). */
  readonly probeSeed: string;
  readonly deadlineMs: number;
  readonly settleMs: number;
  /** `--operation` names per service, parents replaced by placeholders. */
  readonly operations: Readonly<Record<string, string>>;
  /** `--allow-cancel` names per service, parents replaced by placeholders. */
  readonly cancellable: Readonly<Record<string, string>>;
  /**
   * Set when the run had a control endpoint: its clauses made their own operations through it,
   * which a replay (it has none) cannot ask for again.
   */
  readonly control?: true;
}

/** What lro-conformance adds to the log. */
export interface LroConformanceHarExtension {
  readonly version: 1;
  /** Service id → the placeholder parent that replaced the user's parent in every entry. */
  readonly parents: Readonly<Record<string, string>>;
  /** Present when `run --record` wrote the file: what a replay needs to ask the same. */
  readonly run?: RecordedRun;
}

export interface HarLog {
  readonly version: '1.2';
  readonly creator: { readonly name: string; readonly version: string };
  readonly entries: readonly HarEntry[];
  readonly comment?: string;
  readonly _lroConformance?: LroConformanceHarExtension;
}

export interface Har {
  readonly log: HarLog;
}
