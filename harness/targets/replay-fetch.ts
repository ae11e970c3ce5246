/**
 * A fetch-shaped function (`FetchLike`) that answers from a HAR recording through its MSW
 * handlers and msw's `getResponse` (no global patching, no socket): the `replay:FILE.har`
 * target. A request the recording cannot answer fails with a HarnessError coded NOT_RECORDED, so the cell is ERROR and never judged on an answer the target never gave.
 */
import { getResponse } from 'msw';
import { HarnessError } from '#base';
import { scrubUrl } from '#reports';
import type { FetchLike, Har } from '../http/index.ts';
import {
  createReplayHandlers,
  REPLAY_HEADER,
  type Replay,
  type ReplayOptions,
} from './replay-handlers.ts';

/** A request the recording has no answer for: the cell is ERROR (NOT_RECORDED), never judged. */
function notRecorded(message: string): HarnessError {
  return new HarnessError(message, { code: 'NOT_RECORDED' });
}

export type ReplayFetch = FetchLike & { readonly replay: Replay };

export function createReplayFetch(har: Har, options: ReplayOptions = {}): ReplayFetch {
  const replay = createReplayHandlers(har, options);
  const fetch = async (request: Request): Promise<Response> => {
    const response = await getResponse(replay.handlers, request);
    if (response === undefined) {
      throw notRecorded(
        `lro-conformance replay: the recording holds nothing for ${new URL(request.url).origin} (${request.method} ${scrubUrl(request.url)})`,
      );
    }
    if (response.type === 'error') {
      throw new TypeError('fetch failed (replayed: the recorded request got no response)');
    }
    if (response.headers.get(REPLAY_HEADER) === 'unrecorded') {
      throw notRecorded(await response.text());
    }
    return response;
  };
  return Object.assign(fetch, { replay });
}
