/**
 * report.html: one self-contained file (inline CSS and script, no network, no external fonts)
 * for people: the verdict and counts, filters, the service × clause matrix coloured by outcome,
 * every cell's detail (quote, linked sources, message, warnings, every exchange with a copyable
 * curl line) and the findings grouped by cause. All text is escaped by html/html.ts and every
 * free-text field goes through scrub.ts; a Content Security Policy backs both up.
 */
import { cellDetailHtml, cellId } from './html/cell-detail.ts';
import { filtersSection } from './html/filters-section.ts';
import { findingsSection } from './html/findings-section.ts';
import { html } from './html/html.ts';
import { matrixSection } from './html/matrix-section.ts';
import { page } from './html/page.ts';
import { summarySection } from './html/summary-section.ts';
import type { CellResult, ClauseInfo, RunResults } from './results-model.ts';

/** The run's clauses, plus a bare entry for any clause a cell names that the run did not list. */
function rowsOf(results: RunResults): ClauseInfo[] {
  const known = new Set(results.clauses.map((clause) => clause.id));
  const unknown = [...new Set(results.results.map((cell) => cell.clause))]
    .filter((id) => !known.has(id))
    .map(
      (id): ClauseInfo => ({
        id,
        title: '(no metadata)',
        strength: results.results.find((cell) => cell.clause === id)?.strength ?? 'observed',
        quote: '',
        sources: [],
        services: 'all',
        requires: 'nothing',
        method: '',
        meanings: { FAIL: '' },
      }),
    );
  return [...results.clauses, ...unknown];
}

export function renderHtmlReport(results: RunResults): string {
  const clauses = new Map(results.clauses.map((clause) => [clause.id, clause]));
  const ids = new Map<CellResult, string>(results.results.map((cell, i) => [cell, cellId(i)]));
  const idOf = (cell: CellResult) => ids.get(cell) ?? '';
  const details = results.results.map((cell, i) =>
    cellDetailHtml(cell, i, clauses.get(cell.clause), results.settings),
  );
  const body = html`${summarySection(results)}
${filtersSection(results)}
<main class="layout">
${matrixSection(results, rowsOf(results))}
<aside class="details" aria-label="Cell detail">
<p id="detail-placeholder" class="muted">Click a cell of the matrix to see its quote, sources, message and exchanges.</p>
${details}
</aside>
</main>
${findingsSection(results, idOf)}`;
  return page(`lro-conformance: ${results.summary.verdict}`, body);
}
