/**
 * Whether a service supports cancel is a property of the service, decided once per run from
 * every cancel the run sent: "If the server doesn't support this method, it returns
 * google.rpc.Code.UNIMPLEMENTED" (the service pages) describes a server, not one answer. When any
 * cancel of an operation the run made was accepted, the service supports cancel, and every cell
 * whose cancel was answered 501 contradicts itself: that cell FAILs, in the clause that received
 * the 501. When no cancel was accepted, the 501 cells stand (NOT_APPLICABLE where they said so).
 */
import type { CellResult } from './results-model.ts';

const WHY =
  'whether cancel is supported is a property of the service ("If the server doesn\'t support this method, it returns google.rpc.Code.UNIMPLEMENTED")';

export function applyCancelSupportRule(cells: readonly CellResult[]): CellResult[] {
  const supportedBy = new Map<string, string[]>();
  for (const cell of cells) {
    if (cell.cancelSupport !== 'supported') continue;
    supportedBy.set(cell.service, [...(supportedBy.get(cell.service) ?? []), cell.clause]);
  }
  return cells.map((cell) => {
    const accepting = supportedBy.get(cell.service);
    const contradicts =
      cell.cancelSupport === 'unsupported' &&
      accepting !== undefined &&
      (cell.outcome === 'PASS' || cell.outcome === 'NOT_APPLICABLE');
    if (!contradicts) return cell;
    const { message: _replaced, ...rest } = cell;
    return {
      ...rest,
      outcome: 'FAIL',
      message: `cancel answered 501 UNIMPLEMENTED here, but ${cell.service} accepted the cancels of ${accepting.join(', ')} in the same run: ${WHY}`,
      rootCause: 'cancel-support-inconsistent',
    };
  });
}
