/**
 * The top of the HTML report: the verdict in words (verdict.ts via matrix-view.ts), the counts
 * per outcome, what was run against what, and anything that kept the run from being complete.
 */
import { describeTarget, OUTCOME_WORDS, verdictSentence } from '../matrix-view.ts';
import { OUTCOMES, type RunResults } from '../results-model.ts';
import { scrubText } from '../scrub.ts';
import { html, type SafeHtml } from './html.ts';

function fact(name: string, value: string | SafeHtml): SafeHtml {
  return html`<dt>${name}</dt><dd>${value}</dd>`;
}

export function summarySection(results: RunResults): SafeHtml {
  const { settings, summary } = results;
  const problems = results.problems ?? [];
  return html`<header class="summary">
<h1>lro-conformance report</h1>
<p class="verdict v-${summary.verdict}" id="verdict">${verdictSentence(results)}</p>
${results.interrupted ? html`<p class="banner interrupted">Interrupted: the run was stopped before every cell finished; this report is partial.</p>` : ''}
<ul class="counts">${OUTCOMES.map((outcome) => html`<li class="badge o-${outcome}">${summary.counts[outcome]} ${OUTCOME_WORDS[outcome]}</li>`)}</ul>
<dl class="facts">
${fact('Tool', `${results.tool.name} ${results.tool.version}`)}
${fact('Target', scrubText(describeTarget(results)))}
${fact('Started', `${results.startedAt} (${Math.round(results.durationMs)} ms)`)}
${fact('Deadline', `${settings.deadlineMs} ms`)}
${fact('Fail on', settings.failOn.length === 0 ? 'MUST failures only (default)' : settings.failOn.join(', '))}
${results.shard === undefined ? '' : fact('Shard', `${results.shard.index}/${results.shard.count}`)}
</dl>
${problems.length === 0 ? '' : html`<section class="banner problems"><h2>Problems</h2><ul>${problems.map((p) => html`<li>${scrubText(p)}</li>`)}</ul></section>`}
</header>`;
}
