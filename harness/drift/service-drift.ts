/**
 * All drift of one service: its live Discovery document against the service's spec documents
 * (spec drift) and against the sentences its clauses quote (text drift). The text baseline is
 * the Discovery revision the service document records, or, for a service without one, every
 * stored revision: their operations descriptions are google.longrunning's standard text.
 */
import type { ClauseInfo } from '#reports';
import {
  loadDiscoveryDocument,
  type ServiceProfile,
  serviceDiscoveryDifferences,
  storedDiscoveryFiles,
} from '#specs';
import type { DriftChange } from './drift-change.ts';
import { specDriftChanges } from './spec-drift.ts';
import { textDriftChanges } from './text-drift.ts';

export interface ServiceDriftInput {
  readonly profile: ServiceProfile;
  readonly live: unknown;
  /** Where the live document came from, for messages. */
  readonly liveLabel: string;
  readonly clauses: readonly ClauseInfo[];
}

export function serviceDrift(input: ServiceDriftInput): DriftChange[] {
  const { profile, live, clauses } = input;
  const differences = serviceDiscoveryDifferences(profile.id, live, input.liveLabel);
  return [
    ...specDriftChanges(
      profile,
      differences,
      clauses.map((clause) => clause.id),
    ),
    ...textDriftChanges({ service: profile.id, clauses, baselines: textBaselines(profile), live }),
  ];
}

export function textBaselines(profile: ServiceProfile): unknown[] {
  const recorded = profile.provenance.discovery?.file;
  return (recorded === undefined ? storedDiscoveryFiles() : [recorded]).map(loadDiscoveryDocument);
}
