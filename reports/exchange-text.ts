/**
 * One evidence exchange as plain text, laid out like an HTTP/1.1 message (RFC 9112 §2.1: start
 * line, header lines, blank line, body), for JUnit, Markdown, HTML and the terminal. Every part
 * goes through scrub.ts, so a credential the harness missed still never reaches a report.
 */

import type { Exchange } from './results-model.ts';
import { scrubHeaderRecord, scrubText } from './scrub.ts';

function headerLines(headers: Readonly<Record<string, string>>): string[] {
  return Object.entries(scrubHeaderRecord(headers)).map(([name, value]) => `${name}: ${value}`);
}

/** `POST https://…:cancel`, its headers and its body. */
export function requestText(exchange: Exchange): string {
  const { request } = exchange;
  return [
    `${request.method} ${scrubText(request.url)}`,
    ...headerLines(request.headers),
    ...(request.body === undefined ? [] : ['', scrubText(request.body)]),
  ].join('\n');
}

/** `HTTP 200`, its headers and its body; undefined when no response came (transport failure). */
export function responseText(exchange: Exchange): string | undefined {
  const { response } = exchange;
  if (response === undefined) return undefined;
  return [
    `HTTP ${response.status}`,
    ...headerLines(response.headers),
    ...(response.body === '' ? [] : ['', scrubText(response.body)]),
  ].join('\n');
}

/** `POST https://…:cancel → 200 (12 ms)`: one line naming an exchange. */
export function exchangeSummary(exchange: Exchange): string {
  const status = exchange.response === undefined ? 'no response' : `${exchange.response.status}`;
  const took = exchange.durationMs === undefined ? '' : ` (${Math.round(exchange.durationMs)} ms)`;
  return `${exchange.request.method} ${scrubText(exchange.request.url)} → ${status}${took}`;
}

export function curlText(exchange: Exchange): string {
  return scrubText(exchange.curl);
}

/**
 * Request, response and (when `curl`) curl line of each exchange, numbered, as one block of
 * text. Reports leave the curl lines out for targets answering in-process (reproduction.ts).
 */
export function exchangesText(exchanges: readonly Exchange[], curl = true): string {
  return exchanges
    .map((exchange, index) =>
      [
        `--- exchange ${index + 1} of ${exchanges.length} ---`,
        requestText(exchange),
        '',
        responseText(exchange) ?? 'No response (transport failure).',
        ...(curl ? ['', curlText(exchange)] : []),
      ].join('\n'),
    )
    .join('\n\n');
}
