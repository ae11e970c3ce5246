/**
 * How much of an answer the run reads and keeps. `Response.arrayBuffer()` and `text()` read
 * without any limit, through `Content-Encoding: gzip` too, so an endless body or a small gzip
 * bomb fills memory until the request times out. Every answer is therefore read as a stream, its
 * decoded bytes counted as they arrive, and reading stops at `--max-answer-bytes` (default
 * 4 MiB, gRPC's default largest message, https://github.com/grpc/grpc/blob/master/include/grpc/impl/channel_arg_names.h:
 * what Google's gRPC clients refuse to receive, no Operation is near it). An answer over the
 * limit is not judged: the request fails with a HarnessError coded ANSWER_TOO_LARGE (the cell is
 * ERROR, the answer could not be checked), carrying the start of the answer for the evidence.
 *
 * Evidence keeps at most the first 64 KiB of each body, marked where it was cut, so a run's
 * report stays small however large the answers it judged (an earlier run with 1 MB answers
 * wrote a 357 MB report.html).
 */
import { HarnessError } from '#base';
import type { FetchLike } from './fetch-like.ts';

/** The most bytes of one answer's body a run reads, unless `--max-answer-bytes` says otherwise. */
export const DEFAULT_MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/** The most bytes of one body that evidence keeps. */
export const EVIDENCE_BODY_BYTES = 64 * 1024;

/** An answer as far as it was read: what evidence shows of an answer that was not judged. */
export interface PartialAnswer {
  readonly status: number;
  readonly headers: Headers;
  /** The first bytes of the body, already cut and marked for evidence. */
  readonly body: string;
}

/** The answer was longer than the run reads: not judged, the cell is ERROR. */
export class AnswerTooLargeError extends HarnessError {
  override readonly name: string = 'AnswerTooLargeError';
  readonly answer: PartialAnswer;

  constructor(what: string, limit: number, answer: PartialAnswer) {
    super(
      `${what} answered ${answer.status} with a body longer than ${limit} bytes, which the run does not read (--max-answer-bytes); the answer could not be checked`,
      { code: 'ANSWER_TOO_LARGE' },
    );
    this.answer = answer;
  }
}

/** The answer that came with an error, when it carries one (an answer over the limit). */
export function answerOf(error: unknown): PartialAnswer | undefined {
  return error instanceof AnswerTooLargeError ? error.answer : undefined;
}

/**
 * Reads the body of `response` (decoded, as fetch hands it over) up to `maxBytes`. Over the
 * limit it stops reading, cancels the rest and throws AnswerTooLargeError; `what` names the
 * request in the message (`GET http://…`).
 */
export async function readBoundedBody(
  response: Response,
  maxBytes: number,
  what: string,
): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    chunks.push(value);
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      const start = joined(chunks, Math.min(size, EVIDENCE_BODY_BYTES));
      throw new AnswerTooLargeError(what, maxBytes, {
        status: response.status,
        headers: response.headers,
        body: `${decodeWhole(start)}${cutMark(`more than ${maxBytes} bytes, not read further`, start.byteLength)}`,
      });
    }
  }
  return joined(chunks, size);
}

/** The same answer with its body read within the limit (a fresh Response whose body is in memory). */
export async function boundedResponse(
  response: Response,
  maxBytes: number,
  what: string,
): Promise<Response> {
  const body = await readBoundedBody(response, maxBytes, what);
  return new Response(body.byteLength === 0 ? null : body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/** Every answer of `fetch` read within `maxBytes` (targets whose answers do not come over HTTP). */
export function withAnswerLimit(fetch: FetchLike, maxBytes: number): FetchLike {
  return async (request) =>
    boundedResponse(await fetch(request), maxBytes, `${request.method} ${request.url}`);
}

const CUT_MARK_START = '\n[lro-conformance: body cut for the evidence: ';

function cutMark(what: string, kept: number): string {
  return `${CUT_MARK_START}${what}; the first ${kept} bytes are kept]`;
}

/**
 * A body as evidence keeps it: whole up to EVIDENCE_BODY_BYTES (UTF-8), else its first bytes,
 * cut at a character boundary and marked. The kept text is a fresh string, so the whole body it
 * came from can be collected.
 */
export function bodyForEvidence(text: string): string {
  // Fewer UTF-16 units than the limit / 3 is surely within it in UTF-8: no encoding needed.
  if (text.length <= EVIDENCE_BODY_BYTES / 3) return text;
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.byteLength <= EVIDENCE_BODY_BYTES) return text;
  const kept = bytes.subarray(0, EVIDENCE_BODY_BYTES);
  return `${decodeWhole(kept)}${cutMark(`${bytes.byteLength} bytes in all`, kept.byteLength)}`;
}

/** Whether evidence kept only the start of this body (a replay cannot answer with it). */
export function isCutForEvidence(body: string): boolean {
  const at = body.lastIndexOf(CUT_MARK_START);
  return at !== -1 && body.endsWith(']') && !body.includes('\n', at + 1);
}

/** The first `size` bytes of `chunks`, copying only the chunks needed. */
function joined(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const needed: Uint8Array[] = [];
  let total = 0;
  for (const chunk of chunks) {
    if (total >= size) break;
    needed.push(chunk);
    total += chunk.byteLength;
  }
  return Buffer.concat(needed, size);
}

/** UTF-8 text of `bytes`, leaving out a character the cut split in two. */
function decodeWhole(bytes: Uint8Array): string {
  let end = bytes.byteLength;
  // Step back over continuation bytes (10xxxxxx) to the lead byte of the last character.
  let lead = end - 1;
  while (lead > 0 && lead > end - 4 && ((bytes[lead] ?? 0) & 0xc0) === 0x80) lead -= 1;
  const first = bytes[lead] ?? 0;
  const length = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
  if (lead + length > end) end = lead;
  return Buffer.from(bytes.subarray(0, end)).toString('utf8');
}
