/**
 * The failures, first on the page (Playwright's report opens on its failures): one card per
 * group of findings with one cause (finding-view.ts). Each card leads with what was expected and
 * what came back in one line, then for each clause it breaks the clause's title and quote, the
 * services and the command that reruns it, with a copy button; for a target over HTTP the curl
 * line of the request the finding rests on; then, folded, the cells it covers (each opens its
 * detail) and one cell's message and exchanges.
 */
import { plural } from '#base';
import {
  type ClauseFinding,
  evidenceTitle,
  type FindingView,
  findingViews,
} from '../finding-view.ts';
import { OUTCOME_WORDS } from '../matrix-view.ts';
import { reachableOverHttp } from '../reproduction.ts';
import type { CellResult, RunResults } from '../results-model.ts';
import { scrubText } from '../scrub.ts';
import { copyableHtml, exchangesHtml } from './exchange-html.ts';
import { html, type SafeHtml } from './html.ts';

function clauseHtml(clause: ClauseFinding, id: string): SafeHtml {
  const { info } = clause;
  return html`<div class="finding-clause">
<p class="finding-clause-title">${info === undefined ? '' : html`<strong>${info.title}</strong> `}<code>${clause.clause}</code> <span class="strength s-${clause.strength}">${clause.strength}</span></p>
${info?.quote ? html`<blockquote class="quote">${info.quote}</blockquote>` : ''}
<p class="muted">On ${clause.services.join(', ')}</p>
${clause.rerun === undefined ? '' : html`<p class="repro-label">Reproduce on ${clause.services[0]}:</p>${copyableHtml(id, 'Copy command', clause.rerun)}`}
</div>`;
}

function groupHtml(
  view: FindingView,
  index: number,
  idOf: (cell: CellResult) => string,
  curl: boolean,
): SafeHtml {
  const { group } = view;
  const cell = group.representative;
  const prefix = `group-${index + 1}`;
  const evidence = cell.evidence ?? [];
  const title = evidenceTitle(cell);
  return html`<section class="finding o-border-${group.outcome}" data-group-cells="${group.cells.map(idOf).join(' ')}" aria-labelledby="${prefix}-title">
<h3 id="${prefix}-title"><span class="badge o-${group.outcome}">${OUTCOME_WORDS[group.outcome]}</span> <span class="finding-line">${view.line}</span></h3>
<p class="muted">${plural(group.cells.length, 'cell')} · ${plural(view.clauses.length, 'clause')} · ${plural(group.services.length, 'service')}</p>
${view.clauses.map((clause, i) => clauseHtml(clause, `${prefix}-rerun-${i + 1}`))}
${view.curl === undefined ? '' : html`<p class="repro-label">The request it rests on (${cell.service} · ${cell.clause}):</p>${copyableHtml(`${prefix}-curl`, 'Copy curl', view.curl)}`}
<details class="covered"><summary>${group.cells.length === 1 ? 'The cell' : `The ${group.cells.length} cells`} it covers</summary><ul>${group.cells.map((c) => html`<li><button type="button" class="link" data-open="${idOf(c)}">${c.service} · ${c.clause} (${c.strength})</button></li>`)}</ul></details>
${
  title === undefined
    ? ''
    : html`<details class="evidence"><summary>${title}</summary>
${cell.message === undefined ? '' : html`<pre class="message">${scrubText(cell.message)}</pre>`}
${evidence.length === 0 ? '' : exchangesHtml(evidence, prefix, curl)}
</details>`
}
</section>`;
}

export function findingsSection(results: RunResults, idOf: (cell: CellResult) => string): SafeHtml {
  const views = findingViews(results);
  if (views.length === 0) return html``;
  const curl = reachableOverHttp(results.target);
  return html`<section class="findings" aria-labelledby="findings-title">
<h2 id="findings-title">Failures and undecided cells, grouped by cause (${views.length})</h2>
${views.map((view, index) => groupHtml(view, index, idOf, curl))}
</section>`;
}
