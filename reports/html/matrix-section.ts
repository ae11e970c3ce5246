/**
 * The service × clause matrix of the HTML report: a row per clause (id, title, strength), a
 * column per service, each cell a button coloured by outcome that opens the cell's detail. The
 * data attributes are what the filters of report-client.js read.
 */
import { expectationLegend, expectationMark, NO_CELL, OUTCOME_WORDS } from '../matrix-view.ts';
import type { CellResult, ClauseInfo, RunResults } from '../results-model.ts';
import { cellId } from './cell-detail.ts';
import { html, type SafeHtml } from './html.ts';

function cellHtml(cell: CellResult | undefined, index: number, service: string): SafeHtml {
  if (cell === undefined) {
    return html`<td class="no-cell" data-column="${service}" title="does not apply to ${service}">${NO_CELL}</td>`;
  }
  const mark = expectationMark(cell);
  return html`<td class="cell o-${cell.outcome}${mark === '*' ? ' expected' : ''}" data-cell="${cellId(index)}" data-column="${service}" data-service="${service}" data-outcome="${cell.outcome}" data-strength="${cell.strength}"><button type="button" data-open="${cellId(index)}" title="${cell.service} · ${cell.clause}: ${cell.outcome}">${OUTCOME_WORDS[cell.outcome]}${mark}</button></td>`;
}

export function matrixSection(results: RunResults, clauses: readonly ClauseInfo[]): SafeHtml {
  const index = new Map(results.results.map((cell, i) => [`${cell.service}\n${cell.clause}`, i]));
  const legend = expectationLegend(results.results);
  const rows = clauses.map((clause) => {
    const cells = results.services.map((service) => {
      const i = index.get(`${service}\n${clause.id}`);
      return cellHtml(i === undefined ? undefined : results.results[i], i ?? -1, service);
    });
    return html`<tr data-clause="${clause.id}" data-strength="${clause.strength}">
<th scope="row"><code>${clause.id}</code> <span class="strength s-${clause.strength}">${clause.strength}</span><span class="clause-title">${clause.title}</span></th>
${cells}
</tr>`;
  });
  return html`<section class="matrix-section" aria-label="Matrix">
<p id="shown-count" class="muted" aria-live="polite"></p>
<div class="matrix-scroll"><table class="matrix">
<thead><tr><th scope="col">Clause</th>${results.services.map((s) => html`<th scope="col" data-column="${s}">${s}</th>`)}</tr></thead>
<tbody>
${rows}
</tbody>
</table></div>
${legend === undefined ? '' : html`<p class="muted legend">${legend.split('\n').map((line) => html`${line}<br>`)}</p>`}
<p class="muted">Click a cell for its quote, sources, message, exchanges and the command that runs it again.</p>
</section>`;
}
