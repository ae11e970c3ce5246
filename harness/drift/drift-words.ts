/** What the text and Markdown drift reports say alike: each document's line and the verdict. */
import { plural } from '#base';
import type { DriftReport, ServiceDriftStatus } from './drift-report.ts';

/** `specs/discovery/x.json (revision 20230627): 1 change`, or why it is unavailable. */
export function documentLine(status: ServiceDriftStatus, report: DriftReport): string {
  if (status.status === 'unavailable') return `UNAVAILABLE: ${status.problem ?? status.source}`;
  const found = report.changes.filter((change) => change.service === status.service).length;
  const revision = status.revision === undefined ? '' : ` (revision ${status.revision})`;
  return `${status.source}${revision}: ${found === 0 ? 'no drift' : plural(found, 'change')}`;
}

/** The last line: what was found, what counts under --fail-on, what could not be compared. */
export function driftVerdict(report: DriftReport): string {
  const { breaking, changed, info, failing, unavailable } = report.summary;
  const compared = report.services.length - unavailable;
  const missing = unavailable > 0 ? `; ${plural(unavailable, 'document')} could not be read` : '';
  if (report.changes.length === 0) {
    return `no drift in ${plural(compared, 'document')} compared${missing}`;
  }
  const levels = `${breaking} breaking, ${changed} changed, ${info} info`;
  const counted =
    failing === 0
      ? `none at or above --fail-on ${report.failOn}`
      : `${failing} at or above --fail-on ${report.failOn}`;
  return `DRIFT: ${levels} (${counted})${missing}`;
}

/** At most `shown` clause ids, then how many more: the JSON report keeps them all. */
export function clauseList(clauses: readonly string[], shown = 4): string {
  if (clauses.length === 0) return 'none';
  const rest = clauses.length - shown;
  return rest > 0 ? `${clauses.slice(0, shown).join(', ')} and ${rest} more` : clauses.join(', ');
}
