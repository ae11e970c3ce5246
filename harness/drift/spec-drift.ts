/**
 * Turns the Discovery cross-check's differences (specs/discovery-cross-check.ts) into drift
 * changes: a check id, a level and the clauses at stake. "Before" is what the spec documents
 * say (what the suite was built against), "after" what the live Discovery document says.
 * Breaking means a check of this suite no longer matches the service: a change to the cancel or
 * get it exercises, or to the schemas its validators read.
 */
import { ABSENT, type DiscoveryDifference, type ServiceProfile } from '#specs';
import { clausesRelyingOn, type SurfacePart } from './clause-reliance.ts';
import type { DriftChange, DriftCheck, DriftLevel } from './drift-change.ts';

/** Where a changed schema is felt. */
const SCHEMA_PARTS: Readonly<Record<string, SurfacePart>> = {
  Operation: 'operation-shape',
  Status: 'operation-shape',
  Empty: 'cancel-response',
  CancelOperationRequest: 'cancel-request',
};

export function specDriftChanges(
  profile: ServiceProfile,
  differences: readonly DiscoveryDifference[],
  clauseIds: readonly string[],
): DriftChange[] {
  // A changed path also changes the path key; say it once.
  const pathChanged = new Set(
    differences.filter((d) => d.kind === 'path' || d.kind === 'flatPath').map((d) => d.subject),
  );
  const changes = new Map<string, DriftChange>();
  for (const difference of differences) {
    if (difference.kind === 'pathKey' && pathChanged.has(difference.subject)) continue;
    const check = checkOf(difference);
    const key = `${check}\n${difference.subject}\n${difference.name ?? ''}`;
    if (changes.has(key)) continue; // both name pattern aspects
    const part = partOf(profile, difference);
    changes.set(key, {
      check,
      level: levelOf(check, difference, relied(profile, difference.subject)),
      service: profile.id,
      subject: difference.subject,
      summary: `${difference.aspect}: ${describe(difference)}`,
      before: difference.document,
      after: difference.discovery,
      clauses: clausesRelyingOn(part, clauseIds),
    });
  }
  return [...changes.values()];
}

function describe({ document, discovery }: DiscoveryDifference): string {
  if (discovery === ABSENT) return `no longer in Discovery (the specs say ${document})`;
  if (document === ABSENT) return `new in Discovery (${discovery})`;
  return `${document} -> ${discovery}`;
}

function checkOf(d: DiscoveryDifference): DriftCheck {
  const added = d.document === ABSENT;
  const removed = d.discovery === ABSENT;
  switch (d.kind) {
    case 'operationId':
      return added ? 'method-added' : 'method-removed';
    case 'httpMethod':
      return 'http-method-changed';
    case 'path':
    case 'pathKey':
      return 'path-changed';
    case 'flatPath':
      return 'flat-path-changed';
    case 'namePattern':
      return 'name-pattern-changed';
    case 'request':
      return 'request-type-changed';
    case 'response':
      return 'response-type-changed';
    case 'scopes':
      return 'scopes-changed';
    case 'queryParameter':
      return added
        ? 'query-parameter-added'
        : removed
          ? 'query-parameter-removed'
          : 'query-parameter-type-changed';
    case 'schemaProperty':
      return added ? 'schema-property-added' : 'schema-property-removed';
    case 'schemaPropertyType':
      return 'schema-property-type-changed';
  }
}

/** The documented cancel and get: the methods this suite exercises. */
function relied(profile: ServiceProfile, subject: string): boolean {
  return subject === profile.cancel.id || subject === profile.get?.id;
}

function levelOf(check: DriftCheck, d: DiscoveryDifference, reliedOn: boolean): DriftLevel {
  switch (check) {
    case 'method-added':
    case 'query-parameter-added':
      return 'info';
    case 'method-removed':
    case 'http-method-changed':
    case 'path-changed':
    case 'name-pattern-changed':
    case 'request-type-changed':
    case 'response-type-changed':
      return reliedOn ? 'breaking' : 'changed';
    case 'schema-property-added':
      // A field in Empty breaks "the response body is empty"; elsewhere it is news.
      return d.schema === 'Empty'
        ? 'breaking'
        : d.schema === 'CancelOperationRequest'
          ? 'changed'
          : 'info';
    case 'schema-property-removed':
    case 'schema-property-type-changed':
      return 'breaking';
    default:
      return 'changed';
  }
}

function partOf(profile: ServiceProfile, d: DiscoveryDifference): SurfacePart | undefined {
  if (d.schema !== undefined) return SCHEMA_PARTS[d.schema];
  const verb =
    d.subject === profile.cancel.id ? 'cancel' : d.subject === profile.get?.id ? 'get' : undefined;
  if (verb === undefined) return undefined;
  if (d.kind === 'request') return verb === 'cancel' ? 'cancel-request' : 'get-route';
  if (d.kind === 'response') return verb === 'cancel' ? 'cancel-response' : 'operation-shape';
  return verb === 'cancel' ? 'cancel-route' : 'get-route';
}
