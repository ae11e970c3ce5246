/**
 * Failures and undecided cells grouped by cause (group-findings.ts): per group its outcome, the
 * message, the cells it covers (each opens its detail) and one cell's exchanges.
 */
import { plural } from '#base';
import { type FindingGroup, groupFindings } from '../group-findings.ts';
import { OUTCOME_WORDS } from '../matrix-view.ts';
import type { CellResult, RunResults } from '../results-model.ts';
import { scrubText } from '../scrub.ts';
import { exchangesHtml } from './exchange-html.ts';
import { html, type SafeHtml } from './html.ts';

function groupHtml(
  group: FindingGroup,
  index: number,
  idOf: (cell: CellResult) => string,
): SafeHtml {
  const cell = group.representative;
  const count = group.cells.length;
  const evidence = cell.evidence ?? [];
  return html`<section class="finding o-border-${group.outcome}" data-group-cells="${group.cells.map(idOf).join(' ')}">
<h3><span class="badge o-${group.outcome}">${OUTCOME_WORDS[group.outcome]}</span> ${plural(count, 'cell')} · ${scrubText(cell.message ?? '(no message)').split('\n')[0]}</h3>
<ul class="covered">${group.cells.map((c) => html`<li><button type="button" class="link" data-open="${idOf(c)}">${c.service} · ${c.clause} (${c.strength})</button></li>`)}</ul>
${cell.message === undefined ? '' : html`<pre class="message">${scrubText(cell.message)}</pre>`}
${evidence.length === 0 ? '' : html`<details class="evidence"><summary>Evidence from ${cell.service} · ${cell.clause}: ${plural(evidence.length, 'exchange')}</summary>${exchangesHtml(evidence, `group-${index + 1}`)}</details>`}
</section>`;
}

export function findingsSection(results: RunResults, idOf: (cell: CellResult) => string): SafeHtml {
  const groups = groupFindings(results);
  if (groups.length === 0) return html``;
  return html`<section class="findings" aria-labelledby="findings-title">
<h2 id="findings-title">Failures and undecided cells, grouped by cause (${groups.length})</h2>
${groups.map((group, index) => groupHtml(group, index, idOf))}
</section>`;
}
