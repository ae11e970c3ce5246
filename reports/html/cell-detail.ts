/**
 * The detail of one cell, shown when its matrix cell is clicked: the clause's title, strength,
 * quote and linked sources, what this outcome means for the clause, the message, warnings,
 * expectation, the command that runs the cell again (reproduction.ts), how the clause is tested,
 * and every exchange. Hidden until opened.
 */
import { OUTCOME_WORDS } from '../matrix-view.ts';
import { reachableOverHttp, rerunCommand } from '../reproduction.ts';
import type {
  CellExpectation,
  CellResult,
  ClauseInfo,
  ClauseSource,
  RunResults,
} from '../results-model.ts';
import { scrubText } from '../scrub.ts';
import { cellCounts, type VerdictPolicy } from '../verdict.ts';
import { copyableHtml, exchangesHtml } from './exchange-html.ts';
import { html, linkableUrl, type SafeHtml } from './html.ts';

export function cellId(index: number): string {
  return `cell-${index + 1}`;
}

function sourceHtml(source: ClauseSource): SafeHtml {
  const url = linkableUrl(source.url) ?? linkableUrl(source.ref);
  const label = source.title ?? source.ref;
  const name = url === undefined ? html`${label}` : html`<a href="${url}">${label}</a>`;
  const file =
    source.kind === 'seed' || source.kind === 'discovery'
      ? ` (${source.kind} file ${source.ref})`
      : '';
  const quote = source.quote === undefined ? '' : html`<blockquote>${source.quote}</blockquote>`;
  return html`<li><span class="source-kind">${source.kind}</span> ${name}${file}${quote}</li>`;
}

function meaningOf(cell: CellResult, clause: ClauseInfo): string | undefined {
  switch (cell.outcome) {
    case 'FAIL':
      return clause.meanings.FAIL;
    case 'NOT_APPLICABLE':
      return clause.meanings.NOT_APPLICABLE;
    case 'INCONCLUSIVE':
      return clause.meanings.INCONCLUSIVE;
    default:
      return undefined;
  }
}

function scoring(cell: CellResult, policy: VerdictPolicy): string {
  if (cellCounts(cell, policy)) return 'counts against the run';
  if (cell.outcome === 'PASS' || cell.outcome === 'NOT_APPLICABLE' || cell.outcome === 'SKIPPED') {
    return 'does not count against the run';
  }
  return cell.expectation?.status === 'met'
    ? 'expected (recorded in the expectations file): not scored'
    : `not scored for a ${cell.strength} clause`;
}

function expectationHtml(expectation: CellExpectation): SafeHtml {
  const url = linkableUrl(expectation.link);
  const link = url === undefined ? (expectation.link ?? '') : html`<a href="${url}">${url}</a>`;
  const until = expectation.expires === undefined ? '' : `, until ${expectation.expires}`;
  return html`<h3>Expectation</h3>
<p>The expectations file records ${expectation.outcome} (${expectation.status}${until}): ${expectation.reason} ${link}</p>`;
}

/**
 * The sources that bear on this cell: its own service's pages and the shared ones (AIPs, protos).
 * Every service's page under every cell would make the report grow with services × cells.
 */
function sourcesOf(clause: ClauseInfo, service: string): readonly ClauseSource[] {
  return clause.sources.filter(
    (source) => source.service === undefined || source.service === service,
  );
}

function clauseHtml(cell: CellResult, clause: ClauseInfo | undefined): SafeHtml {
  if (clause === undefined) return html`<p class="muted">No metadata for this clause.</p>`;
  const meaning = meaningOf(cell, clause);
  return html`<p class="clause-title">${clause.title}</p>
${meaning === undefined ? '' : html`<p class="meaning"><strong>What ${OUTCOME_WORDS[cell.outcome]} means here:</strong> ${meaning}</p>`}
<blockquote class="quote">${clause.quote}</blockquote>
<h3>Sources</h3>
<ul class="sources">${sourcesOf(clause, cell.service).map(sourceHtml)}</ul>
<h3>How it is tested</h3>
<p>${clause.method} <span class="muted">(requires: ${clause.requires})</span></p>
${clause.derivation === undefined ? '' : html`<p><strong>Derivation:</strong> ${clause.derivation}</p>`}`;
}

export function cellDetailHtml(
  cell: CellResult,
  index: number,
  clause: ClauseInfo | undefined,
  results: RunResults,
): SafeHtml {
  const id = cellId(index);
  const evidence = cell.evidence ?? [];
  const warnings = cell.warnings ?? [];
  const took = cell.durationMs === undefined ? '' : ` · ${Math.round(cell.durationMs)} ms`;
  const { expectation } = cell;
  const rerun = rerunCommand(results, cell);
  const curl = reachableOverHttp(results.target);
  return html`<article class="cell-detail" id="${id}" hidden tabindex="-1" aria-labelledby="${id}-title">
<h2 id="${id}-title"><span class="badge o-${cell.outcome}">${OUTCOME_WORDS[cell.outcome]}</span> ${cell.service} · <code>${cell.clause}</code></h2>
<p class="muted">${cell.strength} · ${scoring(cell, results.settings)}${took}</p>
${clauseHtml(cell, clause)}
${cell.message === undefined ? '' : html`<h3>Message</h3><pre class="message">${scrubText(cell.message)}</pre>`}
${warnings.length === 0 ? '' : html`<h3>Warnings</h3><ul class="warnings">${warnings.map((w) => html`<li>${scrubText(w)}</li>`)}</ul>`}
${expectation === undefined ? '' : expectationHtml(expectation)}
${rerun === undefined ? '' : html`<h3>Run this cell again</h3>${copyableHtml(`${id}-rerun`, 'Copy command', rerun)}`}
<h3>Exchanges (${evidence.length})</h3>
${evidence.length === 0 ? html`<p class="muted">This cell made no HTTP request.</p>` : exchangesHtml(evidence, id, curl)}
</article>`;
}
