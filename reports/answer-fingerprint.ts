/**
 * What a cell's answers looked like, without what changes from one run to the next: per
 * exchange the request's method and custom verb, and of the answer the HTTP status, the media
 * type, the AIP-193 `error.status`, the `google.rpc.ErrorInfo` reason and domain
 * (https://google.aip.dev/193) and the body's top-level keys. Messages, dates, request ids,
 * operation names and tokens never enter it, so a 404 turning into a 403 is a change even when
 * both cells PASS, and two runs of the same target are not.
 */
import { isJsonObject } from '#base';
import { ERROR_INFO_TYPE } from '#specs';
import { type CellResult, type Exchange, RETRY_HEADER } from './results-model.ts';

/** One line per exchange: `POST :cancel -> 404 application/json NOT_FOUND {error}`. */
export function exchangeFingerprint(exchange: Exchange): string {
  const request = `${exchange.request.method} ${verbOf(exchange.request.url)}`;
  const response = exchange.response;
  if (response === undefined) return `${request} -> no answer`;
  const parts = [`${request} ->`, String(response.status), mediaTypeOf(response.headers)];
  const body = parseJson(response.body);
  const error = isJsonObject(body) && isJsonObject(body.error) ? body.error : undefined;
  if (typeof error?.status === 'string') parts.push(error.status);
  const info = errorInfoOf(error);
  if (info !== undefined) parts.push(`ErrorInfo ${info}`);
  parts.push(bodyShape(response.body, body));
  return parts.join(' ');
}

/**
 * The cell's answers in order, a run of identical lines kept once (how many times GetOperation
 * was polled depends on timing), without the answers that were retried (whether a busy server
 * shed a request is no change in how it answers it); undefined when the cell carries no
 * evidence to compare.
 */
export function answerFingerprint(cell: CellResult): readonly string[] | undefined {
  if (cell.evidence === undefined || cell.evidence.length === 0) return undefined;
  const lines: string[] = [];
  for (const exchange of cell.evidence) {
    if (exchange.response?.headers[RETRY_HEADER] !== undefined) continue;
    const line = exchangeFingerprint(exchange);
    if (lines.at(-1) !== line) lines.push(line);
  }
  return lines;
}

/** `:cancel`, `:wait` or `get`-style (no verb): what the request asked, not which name. */
function verbOf(url: string): string {
  const path = url.replace(/[?#].*$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  const colon = last.lastIndexOf(':');
  return colon === -1 ? '(no verb)' : last.slice(colon);
}

function mediaTypeOf(headers: Readonly<Record<string, string>>): string {
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type');
  return entry?.[1].split(';')[0]?.trim().toLowerCase() || 'no-content-type';
}

function errorInfoOf(error: Record<string, unknown> | undefined): string | undefined {
  const details = Array.isArray(error?.details) ? error.details : [];
  const info = details.find(
    (detail) => isJsonObject(detail) && detail['@type'] === ERROR_INFO_TYPE,
  );
  if (!isJsonObject(info)) return undefined;
  return `${String(info.reason ?? '?')}@${String(info.domain ?? '?')}`;
}

/** `empty`, `{done,name}`, `[array]`, `json-string`, `text`. */
function bodyShape(text: string, parsed: unknown): string {
  if (text.trim() === '') return 'empty';
  if (parsed === undefined) return 'text';
  if (parsed === null) return 'json-null';
  if (Array.isArray(parsed)) return '[array]';
  if (isJsonObject(parsed)) return `{${Object.keys(parsed).sort().join(',')}}`;
  return `json-${typeof parsed}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
