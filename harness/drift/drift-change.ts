/**
 * One change `lro-conformance drift` found between what this suite relies on and a live
 * Discovery document, with a stable check id and a level, in the manner of oasdiff's checks
 * (https://github.com/oasdiff/oasdiff/blob/main/docs/BREAKING-CHANGES.md). docs/DRIFT.md says
 * what each check means.
 */

import { type ChangeLevel, levelRank } from '#reports';

/** breaking: a check or a clause's basis no longer holds; changed: worth a look; info: news. */
export type DriftLevel = ChangeLevel;

export const DRIFT_CHECKS = [
  'method-removed',
  'method-added',
  'http-method-changed',
  'path-changed',
  'flat-path-changed',
  'name-pattern-changed',
  'request-type-changed',
  'response-type-changed',
  'scopes-changed',
  'query-parameter-added',
  'query-parameter-removed',
  'query-parameter-type-changed',
  'schema-property-added',
  'schema-property-removed',
  'schema-property-type-changed',
  'quoted-text-changed',
  'quoted-text-removed',
] as const;
export type DriftCheck = (typeof DRIFT_CHECKS)[number];

export interface DriftChange {
  readonly check: DriftCheck;
  readonly level: DriftLevel;
  readonly service: string;
  /** A Discovery method id, `schema Operation`, or a method's or property's description. */
  readonly subject: string;
  /** What changed, in one line. */
  readonly summary: string;
  /** What this suite was built against (the spec documents, or the quoted text). */
  readonly before: string;
  /** What the live Discovery document says now (`absent` when it says nothing). */
  readonly after: string;
  /** Ids of the clauses that rest on what changed; empty when none does. */
  readonly clauses: readonly string[];
  /** Text drift: the words the clauses quote. */
  readonly quote?: string;
}

/** Breaking first, then by service, subject and check, so every report lists them alike. */
export function compareChanges(a: DriftChange, b: DriftChange): number {
  return (
    levelRank(a.level) - levelRank(b.level) ||
    a.service.localeCompare(b.service, 'en') ||
    a.subject.localeCompare(b.subject, 'en') ||
    a.check.localeCompare(b.check, 'en')
  );
}
