/**
 * The drift report: which documents were compared, every change found, what could not be
 * compared, and the counts. Plain data: the JSON output is this object, and the text and
 * Markdown renderers read it.
 */
import { CHANGE_FAIL_ON, type ChangeFailOn, levelCounts, levelTally } from '#reports';
import { compareChanges, type DriftChange, type DriftLevel } from './drift-change.ts';

export const DRIFT_REPORT_VERSION = 1;

export const DRIFT_FAIL_ON = CHANGE_FAIL_ON;
export type DriftFailOn = ChangeFailOn;

export interface ServiceDriftStatus {
  readonly service: string;
  /** compared: the document was read and compared; unavailable: it could not be read. */
  readonly status: 'compared' | 'unavailable';
  /** The URL (credentials scrubbed) or file the document came from. */
  readonly source: string;
  readonly revision?: string;
  /** The spec document it was compared with. */
  readonly baseline: string;
  /** Why it could not be read. */
  readonly problem?: string;
}

export interface DriftReport {
  readonly schemaVersion: typeof DRIFT_REPORT_VERSION;
  readonly tool: { readonly name: 'lro-conformance'; readonly version: string };
  readonly failOn: DriftFailOn;
  readonly services: readonly ServiceDriftStatus[];
  readonly changes: readonly DriftChange[];
  readonly notes: readonly string[];
  readonly summary: Readonly<Record<DriftLevel, number>> & {
    /** Changes at or above failOn. */
    readonly failing: number;
    readonly unavailable: number;
  };
}

export interface BuildDriftReportInput {
  readonly toolVersion: string;
  readonly failOn: DriftFailOn;
  readonly services: readonly ServiceDriftStatus[];
  readonly changes: readonly DriftChange[];
  readonly notes?: readonly string[];
}

export function buildDriftReport(input: BuildDriftReportInput): DriftReport {
  const changes = [...input.changes].sort(compareChanges);
  return {
    schemaVersion: DRIFT_REPORT_VERSION,
    tool: { name: 'lro-conformance', version: input.toolVersion },
    failOn: input.failOn,
    services: input.services,
    changes,
    notes: input.notes ?? [],
    summary: {
      ...levelTally(changes),
      failing: changes.filter((change) => levelCounts(change.level, input.failOn)).length,
      unavailable: input.services.filter((service) => service.status === 'unavailable').length,
    },
  };
}
