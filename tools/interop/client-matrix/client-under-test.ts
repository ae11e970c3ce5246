/**
 * One official Node client as the matrix drives it: which services it reaches, the calls it offers
 * for operations (each of one kind, matrix-states.ts), how it is built against a reference
 * target, and the way around a call it cannot make. Each client lives in its own module under
 * clients/; the matrix never branches on which client it runs.
 */
import type { SeedServiceProfile } from '#specs';
import type { InteropTarget } from '../interop-targets.ts';
import type { CallAnswer } from './judge-call.ts';
import type { CallKind } from './matrix-states.ts';

export interface CallSpec {
  /** Stable within the client: `get`, `cancel`, `cancel-empty-object`, … */
  readonly id: string;
  /** The call as a user writes it, for the doc: "`cancelOperation({name})`". */
  readonly label: string;
  readonly kind: CallKind;
}

export interface PackageVersion {
  readonly name: string;
  readonly version: string;
  /** e.g. "its own copy, under @google-ads/admanager". */
  readonly note?: string;
}

export interface CallHooks {
  /** Called by an `lro-promise` call between reading the operation and awaiting its result. */
  beforeAwait(): Promise<void>;
}

export interface OpenClient {
  /** Makes the call; rejects with whatever the client library rejected with. */
  invoke(call: CallSpec, name: string, hooks: CallHooks): Promise<CallAnswer>;
  close(): Promise<void>;
}

export interface ClientUnderTest {
  /** Stable id, used in test titles: `admanager-gapic`, `gax-service-rules`, … */
  readonly id: string;
  readonly title: string;
  /** How it is built, one sentence for the doc. */
  readonly construction: string;
  /** The services of specs/services it reaches, by id. */
  services(): readonly string[];
  readonly calls: readonly CallSpec[];
  /** What the client offers to wait on an operation, when no call of the matrix covers it. */
  readonly lroNote?: string;
  /** Installed versions of the packages that make up the client. */
  packages(): readonly PackageVersion[];
  /** The way around a failing call, in markdown; `undefined` when there is none to give. */
  workaround(call: CallSpec, profile: SeedServiceProfile): string | undefined;
  open(target: InteropTarget, profile: SeedServiceProfile): Promise<OpenClient>;
}
