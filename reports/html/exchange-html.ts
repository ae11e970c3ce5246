/**
 * One evidence exchange in the HTML report: a collapsible block with the request, the response
 * and, for a target over HTTP, the curl line with a copy button (an in-process target's curl
 * line names a host no one can reach: reproduction.ts). Text comes from exchange-text.ts
 * (scrubbed) and is escaped by html.ts.
 */
import { curlText, exchangeSummary, requestText, responseText } from '../exchange-text.ts';
import type { Exchange } from '../results-model.ts';
import { html, type SafeHtml } from './html.ts';

/** A line to paste, with a button that copies it (report-client.js reads `data-copy`). */
export function copyableHtml(id: string, label: string, text: string): SafeHtml {
  return html`<div class="copyable"><pre id="${id}">${text}</pre><button type="button" class="copy" data-copy="${id}" data-label="${label}">${label}</button></div>`;
}

/** `idPrefix` keeps element ids unique where one exchange is shown twice (cell and group). */
export function exchangeHtml(
  exchange: Exchange,
  index: number,
  idPrefix: string,
  curl: boolean,
): SafeHtml {
  const response = responseText(exchange);
  return html`<details class="exchange" open>
<summary>${index + 1}. ${exchangeSummary(exchange)}</summary>
<h4>Request</h4>
<pre class="http">${requestText(exchange)}</pre>
<h4>Response</h4>
${response === undefined ? html`<p class="muted">No response (transport failure).</p>` : html`<pre class="http">${response}</pre>`}
${curl ? copyableHtml(`${idPrefix}-curl-${index + 1}`, 'Copy curl', curlText(exchange)) : ''}
</details>`;
}

export function exchangesHtml(
  exchanges: readonly Exchange[],
  idPrefix: string,
  curl: boolean,
): SafeHtml {
  return html`${exchanges.map((exchange, index) => exchangeHtml(exchange, index, idPrefix, curl))}`;
}
