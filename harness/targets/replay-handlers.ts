/**
 * A HAR recording as MSW 3 handlers (`msw/http`), so a live session becomes a mock that runs in
 * CI without credentials. One handler serves every origin the recording holds; requests to other
 * origins are left to other handlers. Requests are matched by replay-key.ts (method, origin, exact
 * path, query and body), not by MSW path patterns: a recorded `…/o1:cancel` used as a pattern
 * would also match `…/o1:wait` (the colon starts a parameter). Identical requests are answered in
 * recorded order. Headers are not compared, with one exception: where the recording holds the
 * same request both with and without credentials (the probe of a request without any), a request
 * gets the answer recorded with the same presence of credentials (replay-key.ts). A request
 * without credentials for which only credentialed answers were recorded (a test replaying a live
 * session) gets those.
 *
 * A request the recording cannot answer (never recorded, or asked more often than recorded)
 * gets status 599 with `x-lro-conformance-replay: unrecorded` and a plain-text body that says
 * which request it was. 599 is outside every status Google documents, so it cannot pass for the
 * target's answer; replay-fetch.ts turns it into a HarnessError coded NOT_RECORDED (so the cell
 * is ERROR). So does an answer the recording kept only the start of (evidence cuts long bodies,
 * harness/http/answer-limit.ts): replaying the cut text would judge an answer the target never
 * gave. A recorded transport failure (status 0) replays as a network error.
 */
import { type HttpHandler, HttpResponse, http } from 'msw';
import { scrubUrl } from '#reports';
import type { Har, HarEntry } from '../http/index.ts';
import { isCutForEvidence } from '../http/index.ts';
import { carriesCredentials, replayKey } from './replay-key.ts';

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
  const queues = new Map<string, HarEntry[]>();
  for (const entry of har.log.entries) {
    const { method, url, postData } = entry.request;
    const key = replayKey(method, url, emptyAsNone(postData?.text));
    queues.set(key, [...(queues.get(key) ?? []), entry]);
  }
  const origins = new Set(har.log.entries.map((entry) => new URL(entry.request.url).origin));
  const used = new Set<HarEntry>();
  const credentialed = (entry: HarEntry) =>
    carriesCredentials(entry.request.headers.map((header) => header.name));

  const handler = http.all(
    ({ request }) => origins.has(new URL(request.url).origin),
    async ({ request }) => {
      const key = replayKey(request.method, request.url, emptyAsNone(await request.text()));
      const queue = queues.get(key);
      if (queue === undefined) return unrecorded(request, 'the recording holds no such request');
      const wanted = carriesCredentials([...request.headers.keys()]);
      const alike = queue.some((entry) => credentialed(entry) === wanted)
        ? queue.filter((entry) => credentialed(entry) === wanted)
        : queue;
      const entry =
        alike.find((candidate) => !used.has(candidate)) ??
        (options.whenExhausted === 'repeat-last' ? alike.at(-1) : undefined);
      if (entry === undefined) {
        return unrecorded(request, `recorded ${alike.length} time(s), and every recording is used`);
      }
      used.add(entry);
      if (isCutForEvidence(entry.response.content.text ?? '')) {
        return unrecorded(request, 'the recording kept only the start of its answer');
      }
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
