/**
 * Requests per cell, read from a run's results.json: every exchange a cell sent is in its
 * `evidence` (reports/results-model.ts). The longest chain of one cell bounds how fast a run can
 * be when each request costs a round trip: the requests of one cell go one after another, while
 * cells run side by side.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunResults } from '#reports';

export interface RequestsPerCell {
  /** Every cell of the matrix, N/A included. */
  readonly cells: number;
  /** The cells that sent at least one request; the median is over these. */
  readonly sending: number;
  readonly total: number;
  readonly median: number;
  /** The longest chain: the most requests one cell sent. */
  readonly max: number;
}

export function requestsPerCell(reportDir: string): RequestsPerCell {
  const results = JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8')) as RunResults;
  const counts = results.results
    .map((cell) => cell.evidence?.length ?? 0)
    .filter((count) => count > 0)
    .sort((a, b) => a - b);
  return {
    cells: results.results.length,
    sending: counts.length,
    total: counts.reduce((sum, count) => sum + count, 0),
    median: counts[Math.floor(counts.length / 2)] ?? 0,
    max: counts.at(-1) ?? 0,
  };
}

export function formatRequestsPerCell(requests: RequestsPerCell): string {
  return `${requests.total} requests from ${requests.sending} of ${requests.cells} cells: median ${requests.median} per cell, longest chain ${requests.max}`;
}
