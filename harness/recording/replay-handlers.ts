/**
 * A HAR recording as MSW 3 handlers (`msw/http`), so a live session becomes a mock that runs in
 * CI without credentials. One handler serves every origin the recording holds; requests to other
 * origins are left to other handlers. Requests are matched by replay-key.ts (method, origin, exact
 * path, query and body), not by MSW path patterns: a recorded `…/o1:cancel` used as a pattern
 * would also match `…/o1:wait` (the colon starts a parameter). Identical requests are answered in
 * recorded order.
 *
 * A request the recording cannot answer (never recorded, or asked more often than recorded)
 * gets status 599 with `x-lro-conformance-replay: unrecorded` and a plain-text body that says
 * which request it was. 599 is outside every status Google documents, so it cannot pass for the
 * target's answer; replay-fetch.ts turns it into an UnrecordedRequestError (a HarnessError, so
 * the cell is ERROR). A recorded transport failure (status 0) replays as a network error.
 */
import { type HttpHandler, HttpResponse, http } from 'msw';
import { scrubUrl } from '#reports';
import type { Har, HarEntry } from './har.ts';
import { replayKey } from './replay-key.ts';

export const REPLAY_HEADER = 'x-lro-conformance-replay';
export const UNRECORDED_STATUS = 599;

export interface ReplayOptions {
  /** Once every recording of a request is used: `error` (default) or answer the last one again. */
  readonly whenExhausted?: 'error' | 'repeat-last';
}

export interface Replay {
  readonly handlers: HttpHandler[];
  /** Service id → placeholder parent the recording was made with (use it as the run's parent). */
  readonly parents: Readonly<Record<string, string>>;
  /** Entries no request has used yet. */
  unused(): readonly HarEntry[];
}

/** Headers that described the bytes on the wire, not the text the recording holds. */
const WIRE_HEADERS = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
]);
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

export function createReplayHandlers(har: Har, options: ReplayOptions = {}): Replay {
  const queues = new Map<string, { readonly entries: HarEntry[]; next: number }>();
  for (const entry of har.log.entries) {
    const { method, url, postData } = entry.request;
    const key = replayKey(method, url, emptyAsNone(postData?.text));
    const queue = queues.get(key) ?? { entries: [], next: 0 };
    queue.entries.push(entry);
    queues.set(key, queue);
  }
  const origins = new Set(har.log.entries.map((entry) => new URL(entry.request.url).origin));
  const used = new Set<HarEntry>();

  const handler = http.all(
    ({ request }) => origins.has(new URL(request.url).origin),
    async ({ request }) => {
      const key = replayKey(request.method, request.url, emptyAsNone(await request.text()));
      const queue = queues.get(key);
      if (queue === undefined) return unrecorded(request, 'the recording holds no such request');
      const exhausted = queue.next >= queue.entries.length;
      if (exhausted && options.whenExhausted !== 'repeat-last') {
        return unrecorded(
          request,
          `recorded ${queue.entries.length} time(s), and every recording is used`,
        );
      }
      const entry = exhausted ? queue.entries.at(-1) : queue.entries[queue.next];
      queue.next += 1;
      if (entry === undefined) return unrecorded(request, 'the recording holds no such request');
      used.add(entry);
      return toResponse(entry);
    },
  );

  return {
    handlers: [handler],
    parents: har.log._lroConformance?.parents ?? {},
    unused: () => har.log.entries.filter((entry) => !used.has(entry)),
  };
}

function toResponse(entry: HarEntry): Response {
  const { status, statusText, headers, content } = entry.response;
  if (status === 0) return HttpResponse.error();
  const kept = new Headers();
  for (const { name, value } of headers) {
    if (!WIRE_HEADERS.has(name.toLowerCase())) kept.append(name, value);
  }
  const text = content.text ?? '';
  const body =
    NULL_BODY_STATUSES.has(status) || text === ''
      ? null
      : content.encoding === 'base64'
        ? Buffer.from(text, 'base64')
        : text;
  return new Response(body, { status, statusText, headers: kept });
}

function unrecorded(request: Request, why: string): Response {
  return new Response(
    `lro-conformance replay: no recorded answer for ${request.method} ${scrubUrl(request.url)}: ${why}`,
    {
      status: UNRECORDED_STATUS,
      headers: { 'content-type': 'text/plain; charset=utf-8', [REPLAY_HEADER]: 'unrecorded' },
    },
  );
}

function emptyAsNone(text: string | undefined): string | undefined {
  return text === '' ? undefined : text;
}
