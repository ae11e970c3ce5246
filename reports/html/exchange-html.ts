/**
 * One evidence exchange in the HTML report: a collapsible block with the request, the response
 * and the curl line with a copy button. Text comes from exchange-text.ts (scrubbed).
 */
import { curlText, exchangeSummary, requestText, responseText } from '../exchange-text.ts';
import type { Exchange } from '../results-model.ts';
import { html, type SafeHtml } from './html.ts';

/** `idPrefix` keeps element ids unique where one exchange is shown twice (cell and group). */
export function exchangeHtml(exchange: Exchange, index: number, idPrefix: string): SafeHtml {
  const curlId = `${idPrefix}-curl-${index + 1}`;
  const response = responseText(exchange);
  return html`<details class="exchange" open>
<summary>${index + 1}. ${exchangeSummary(exchange)}</summary>
<h4>Request</h4>
<pre class="http">${requestText(exchange)}</pre>
<h4>Response</h4>
${response === undefined ? html`<p class="muted">No response (transport failure).</p>` : html`<pre class="http">${response}</pre>`}
<div class="curl"><pre id="${curlId}">${curlText(exchange)}</pre><button type="button" class="copy" data-copy="${curlId}">Copy curl</button></div>
</details>`;
}

export function exchangesHtml(exchanges: readonly Exchange[], idPrefix: string): SafeHtml {
  return html`${exchanges.map((exchange, index) => exchangeHtml(exchange, index, idPrefix))}`;
}
