/**
 * The filters of the HTML report: outcome, strength and service checkboxes (report-client.js
 * applies them to the matrix and the findings). Each label shows how many cells it covers.
 */
import { OUTCOME_WORDS } from '../matrix-view.ts';
import { OUTCOMES, type RunResults } from '../results-model.ts';
import { html, type SafeHtml } from './html.ts';

const STRENGTHS = ['MUST', 'SHOULD', 'observed'] as const;

function checkbox(kind: string, value: string, label: string, count: number): SafeHtml {
  return html`<label class="filter-option"><input type="checkbox" data-filter="${kind}" value="${value}" checked> ${label} <span class="muted">(${count})</span></label>`;
}

export function filtersSection(results: RunResults): SafeHtml {
  const cells = results.results;
  const count = (predicate: (cell: (typeof cells)[number]) => boolean) =>
    cells.filter(predicate).length;
  return html`<form class="filters" aria-label="Filters">
<fieldset><legend>Outcome</legend>${OUTCOMES.filter((o) => count((c) => c.outcome === o) > 0).map(
    (o) =>
      checkbox(
        'outcome',
        o,
        OUTCOME_WORDS[o],
        count((c) => c.outcome === o),
      ),
  )}</fieldset>
<fieldset><legend>Strength</legend>${STRENGTHS.map((s) =>
    checkbox(
      'strength',
      s,
      s,
      count((c) => c.strength === s),
    ),
  )}</fieldset>
<fieldset><legend>Service</legend>${results.services.map((s) =>
    checkbox(
      'service',
      s,
      s,
      count((c) => c.service === s),
    ),
  )}</fieldset>
<button type="reset" id="reset-filters">Show all</button>
</form>`;
}
