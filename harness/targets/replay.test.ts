/**
 * Record → replay round trips: exchanges with the reference recorded through the harness's own
 * recorder, written as HAR with placeholders, then replayed through MSW; the replay answers
 * what the reference answered, in order, and refuses anything it did not record.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { isLroError, ManualClock } from '#base';
import { recordExchanges } from '../clause/exchange-recorder.ts';
import { toHar, writeHar } from '../http/recording/har-writer.ts';
import { parentPlaceholders, replaceParents } from '../http/recording/parent-placeholders.ts';
import { withRetries } from '../http/retries.ts';
import { createReferenceFetch } from '../reference/msw.ts';
import { createReplayFetch } from './replay-fetch.ts';
import { createReplayHandlers, UNRECORDED_STATUS } from './replay-handlers.ts';
import { createReplayRun } from './replay-target.ts';

const BASE = 'https://reference.lro-conformance.invalid';
const PARENT = 'projects/ref/locations/ref';
const PARENTS = { datafusion: PARENT };

interface Step {
  readonly method: string;
  readonly path: string;
  readonly body?: string;
  readonly advanceMs?: number;
}

async function answers(
  fetch: (request: Request) => Promise<Response>,
  steps: readonly Step[],
  clock?: ManualClock,
) {
  const out: { status: number; type: string | null; body: string }[] = [];
  for (const step of steps) {
    if (step.advanceMs !== undefined) clock?.advance(step.advanceMs);
    const response = await fetch(
      new Request(`${BASE}${step.path}`, {
        method: step.method,
        ...(step.body === undefined
          ? {}
          : { body: step.body, headers: { 'content-type': 'application/json' } }),
      }),
    );
    out.push({
      status: response.status,
      type: response.headers.get('content-type'),
      body: await response.text(),
    });
  }
  return out;
}

/** Records `steps` against a fresh reference with a 1 s cancel delay. */
async function record(steps: (name: string) => readonly Step[]) {
  const clock = new ManualClock();
  const reference = createReferenceFetch({ baseUrl: BASE, clock, cancelDelayMs: 1_000 });
  const name = reference.model.createOperation('datafusion', 'running');
  const recorder = recordExchanges(reference);
  const live = await answers(recorder.fetch, steps(name), clock);
  const har = toHar(recorder.exchanges, { parents: PARENTS });
  const placeholders = parentPlaceholders(PARENTS);
  const replayName = replaceParents(name, placeholders);
  return {
    har,
    live,
    name,
    replayName,
    clean: (text: string) => replaceParents(text, placeholders),
  };
}

const lifecycle = (name: string): Step[] => [
  { method: 'GET', path: `/v1/${name}` },
  { method: 'POST', path: `/v1/${name}:cancel`, body: '{}' },
  { method: 'GET', path: `/v1/${name}` },
  { method: 'GET', path: `/v1/${name}`, advanceMs: 1_000 },
  { method: 'GET', path: `/v1/${PARENT}/operations/absent` },
  { method: 'POST', path: `/v1/${PARENT}/operations/absent:cancel` },
];

describe('replay of a HAR recording', () => {
  it('answers what was recorded, identical requests in recorded order', async () => {
    const { har, live, replayName, clean } = await record(lifecycle);
    const replay = createReplayFetch(har);
    const replayed = await answers(
      replay,
      lifecycle(replayName).map((step) => ({ ...step, path: clean(step.path) })),
    );
    expect(replayed).toEqual(live.map((answer) => ({ ...answer, body: clean(answer.body) })));
    // The three identical GETs answered running, running, then cancelled.
    expect(replayed.map((answer) => JSON.parse(answer.body).done ?? false).slice(0, 4)).toEqual([
      false,
      false,
      false,
      true,
    ]);
    expect(replay.replay.unused()).toEqual([]);
    expect(replay.replay.parents).toEqual({
      datafusion: 'projects/{project}/locations/{location}',
    });
  });

  it.for([
    [
      'a verb the recording does not hold (:wait is not :cancel)',
      (n: string) => ({ method: 'POST', path: `/v1/${n}:wait`, body: '{}' }),
    ],
    ['another body', (n: string) => ({ method: 'POST', path: `/v1/${n}:cancel`, body: '{"x":1}' })],
    ['another method', (n: string) => ({ method: 'DELETE', path: `/v1/${n}` })],
    [
      'the name sent with %2F',
      (n: string) => ({ method: 'GET', path: `/v1/${encodeURIComponent(n)}` }),
    ],
    ['an extra query parameter', (n: string) => ({ method: 'GET', path: `/v1/${n}?alt=json` })],
  ] as const)('refuses %s with a NOT_RECORDED error', async ([, makeStep]) => {
    const { har, replayName } = await record(lifecycle);
    const replay = createReplayFetch(har);
    const step = makeStep(replayName);
    const error = await answers(replay, [step]).catch((caught: unknown) => caught);
    expect(isLroError(error) && error.code).toBe('NOT_RECORDED');
    expect(isLroError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^lro-conformance replay: no recorded answer for /);
  });

  it('refuses a request asked more often than recorded, unless told to repeat the last answer', async () => {
    const steps = (n: string): Step[] => [{ method: 'GET', path: `/v1/${n}` }];
    const { har, replayName } = await record(steps);
    const strict = createReplayFetch(har);
    await answers(strict, steps(replayName));
    await expect(answers(strict, steps(replayName))).rejects.toThrow(
      /recorded 1 time\(s\), and every recording is used/,
    );
    const lenient = createReplayFetch(har, { whenExhausted: 'repeat-last' });
    const twice = await answers(lenient, [...steps(replayName), ...steps(replayName)]);
    expect(twice[1]).toEqual(twice[0]);
  });

  it('ignores credential query parameters, which the recording holds scrubbed', async () => {
    const steps = (n: string, key: string): Step[] => [
      { method: 'GET', path: `/v1/${n}?key=${key}` },
    ];
    const { har, replayName } = await record((n) => steps(n, 'AIzaRecorded'));
    const [answer] = await answers(createReplayFetch(har), steps(replayName, 'other-key'));
    expect(answer?.status).toBe(200);
  });

  it('tells a request without credentials from one with them where both were recorded', async () => {
    const credentialed = (request: Request) => {
      const headers = new Headers(request.headers);
      headers.set('authorization', 'Bearer secret-token');
      return new Request(request, { headers });
    };
    const reference = createReferenceFetch({ baseUrl: BASE, clock: new ManualClock() });
    const refusing = async (request: Request) =>
      request.headers.has('authorization')
        ? reference(request)
        : new Response('{"error":{"code":401,"status":"UNAUTHENTICATED"}}', { status: 401 });
    const recorder = recordExchanges(refusing);
    const url = `${BASE}/v1/${PARENT}/operations/absent`;
    await recorder.fetch(credentialed(new Request(url)));
    await recorder.fetch(new Request(url));
    const har = toHar(recorder.exchanges);
    const replay = createReplayFetch(har);
    expect((await replay(new Request(url))).status).toBe(401);
    expect((await replay(credentialed(new Request(url)))).status).toBe(404);
    // Recorded only with credentials: a test replaying it without any still gets the answers.
    const onlyWith = createReplayFetch(toHar(recorder.exchanges.slice(0, 1)));
    expect((await onlyWith(new Request(url))).status).toBe(404);
  });

  it('replays a recorded transport failure as a network error', async () => {
    const recorder = recordExchanges(async () => {
      throw new TypeError('fetch failed');
    });
    await recorder.fetch(new Request(`${BASE}/v1/operations/x`)).catch(() => undefined);
    const replay = createReplayFetch(toHar(recorder.exchanges));
    await expect(replay(new Request(`${BASE}/v1/operations/x`))).rejects.toThrow(TypeError);
  });

  it('says when the recording holds nothing for an origin', async () => {
    const { har } = await record(lifecycle);
    await expect(
      createReplayFetch(har)(new Request('https://elsewhere.example/v1/x')),
    ).rejects.toThrow(/the recording holds nothing for https:\/\/elsewhere\.example/);
  });

  it('works as MSW handlers for setupServer, answering 599 for what it did not record', async () => {
    const { har, live, replayName, clean } = await record(lifecycle);
    const server = setupServer(...createReplayHandlers(har).handlers);
    server.listen({ onUnhandledFrame: 'error' });
    try {
      const [first] = await answers(
        (request) => fetch(request),
        [{ method: 'GET', path: `/v1/${replayName}` }],
      );
      expect(first?.body).toBe(clean(live[0]?.body ?? ''));
      const missing = await fetch(`${BASE}/v1/${replayName}:wait`, { method: 'POST' });
      expect(missing.status).toBe(UNRECORDED_STATUS);
      expect(missing.headers.get('x-lro-conformance-replay')).toBe('unrecorded');
    } finally {
      server.close();
    }
  });

  it('refuses an answer the recording kept only the start of: replaying it would judge what was never answered', async () => {
    const url = `${BASE}/v1/operations/x`;
    const recorder = recordExchanges(async () => new Response(`{}${' '.repeat(100_000)}`));
    await recorder.fetch(new Request(url));
    const replay = createReplayFetch(toHar(recorder.exchanges));
    const error = await replay(new Request(url)).catch((caught: unknown) => caught);
    expect(isLroError(error) && error.code).toBe('NOT_RECORDED');
    expect((error as Error).message).toContain('the recording kept only the start of its answer');
  });
});

describe('the replay target', () => {
  it('retries a recorded 503 as the recorded run did, and judges the answer after it', async () => {
    const url = `${BASE}/v1/${PARENT}/operations/absent`;
    const answers = [
      new Response('{"error":{"code":503,"status":"UNAVAILABLE"}}', { status: 503 }),
      new Response('{"error":{"code":404,"status":"NOT_FOUND"}}', { status: 404 }),
    ];
    const recorder = recordExchanges(
      withRetries(async () => answers.shift() ?? new Response(null, { status: 500 }), {
        clock: new ManualClock(),
      }),
    );
    await recorder.fetch(new Request(url));
    const dir = await mkdtemp(join(tmpdir(), 'lro-replay-'));
    try {
      const file = join(dir, 'run.har');
      await writeHar(file, recorder.exchanges);
      const run = await createReplayRun({ kind: 'replay', file, endpoints: { datafusion: BASE } });
      const target = run.targetFor('datafusion');
      const replayed = recordExchanges(target.fetch);
      const response = await replayed.fetch(new Request(url));
      expect(response.status).toBe(404);
      expect(replayed.exchanges.map((exchange) => exchange.response?.status)).toEqual([503, 404]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
