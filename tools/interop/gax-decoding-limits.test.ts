/**
 * Backs the two client facts the reference is built around, against tiny MSW handlers of this
 * file (not the reference), so the claims do not rest on reading gax's source:
 * - google-gax's REST transport rejects a zero-length 200 ("Received null response from RPC …",
 *   https://github.com/googleapis/gax-nodejs/pull/1681) as UNAVAILABLE, which its default
 *   CancelOperation retry codes re-send (for up to the method's 60 s timeout); a 204 and `{}`
 *   are accepted. Hence the reference answers a
 *   successful cancel with `{}`.
 * - gax decodes every `google.protobuf.Any` by its `@type` and fails the call on a type its proto
 *   root lacks, e.g. a `google.rpc.ErrorInfo` in `Operation.error.details`. Hence the reference's
 *   operations carry only `google.protobuf.Empty` Anys.
 * - gax cannot decode an Any without `@type` at all, nor an Any of a well-known type with a
 *   special JSON form (Duration, Struct, …) without its `value`: the evidence behind the suite's
 *   rule that such an Operation fails every clause that reads it, MUST clauses included
 *   (docs/INTERPRETING.md, "Strength follows consequence").
 */

import { createBackoffSettings, GoogleError, Status } from 'google-gax';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pathOf } from '../../harness/reference/fixtures/test-kit.ts';
import {
  cancelWithGax,
  createGaxOperationsClient,
  gaxRequests,
} from './gax-rest-operations-client.ts';
import { InteropSetupError } from './interop-error.ts';
import { requireProfile } from './interop-fixture.ts';
import { gaxAuthClient } from './test-credentials.ts';

const profile = requireProfile('checks');
const name = 'accounts/a/apps/b/operations/c';
const origin = `https://${profile.host}`;
const cancelUrl = `${origin}${pathOf(profile.cancel, name)}`;
const getUrl = `${origin}${pathOf(profile.get, name)}`;
const EMPTY = 'type.googleapis.com/google.protobuf.Empty';

const server = setupServer();
beforeAll(() =>
  server.listen({
    onUnhandledFrame: () => {
      throw new InteropSetupError('A request matched no handler of this file and was stopped.');
    },
  }),
);
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const client = () =>
  createGaxOperationsClient(profile, {
    endpoint: { apiEndpoint: profile.host },
    authClient: gaxAuthClient(),
  });

describe('google-gax REST decoding limits', () => {
  it.for([
    { answer: '200 {}', response: () => HttpResponse.json({}) },
    { answer: '204 without a body', response: () => new HttpResponse(null, { status: 204 }) },
  ])('resolves a cancel answered $answer', async ({ response }) => {
    server.use(http.post(cancelUrl, response));

    await expect(cancelWithGax(client(), name)).resolves.toEqual({});
  });

  it('rejects a cancel answered 200 with a zero-length body as UNAVAILABLE', async () => {
    server.use(http.post(cancelUrl, () => new HttpResponse('', { status: 200 })));

    const settled = cancelWithGax(client(), name, { retry: null });

    await expect(settled).rejects.toBeInstanceOf(GoogleError);
    await expect(settled).rejects.toMatchObject({
      code: Status.UNAVAILABLE,
      message: 'Received null response from RPC CancelOperation',
    });
  });

  it('re-sends a cancel answered 200 with a zero-length body under its default retry codes', async () => {
    let calls = 0;
    server.use(
      http.post(cancelUrl, () => {
        calls += 1;
        return calls === 1 ? new HttpResponse('', { status: 200 }) : HttpResponse.json({});
      }),
    );
    // Only the delays are overridden (to 0, so nothing waits); the retry codes stay gax's own.
    const noDelay = createBackoffSettings(0, 1, 0, 60_000, 1, 60_000, 60_000);

    await expect(
      cancelWithGax(client(), name, { retry: { backoffSettings: noDelay } }),
    ).resolves.toEqual({});
    expect(calls).toBe(2);
  });

  const cancelled = (details: readonly object[]) => ({
    name,
    metadata: { '@type': EMPTY },
    done: true,
    error: { code: 1, message: 'Operation cancelled.', details },
  });

  it('decodes a cancelled operation whose Anys are all of known types', async () => {
    server.use(http.get(getUrl, () => HttpResponse.json(cancelled([]))));

    const [operation] = await client().getOperation(gaxRequests.get(name), { retry: null });

    expect(operation).toMatchObject({ name, done: true, error: { code: 1 } });
  });

  it('rejects a get of an operation with a google.rpc.ErrorInfo in its error details', async () => {
    const errorInfo = { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'CANCELLED' };
    server.use(http.get(getUrl, () => HttpResponse.json(cancelled([errorInfo]))));

    const settled = client().getOperation(gaxRequests.get(name), { retry: null });

    await expect(settled).rejects.toThrow('cannot find type google.rpc.ErrorInfo');
    // UNAVAILABLE is a default GetOperation retry code: gax would re-poll it for up to 60 s.
    await expect(settled).rejects.toMatchObject({ code: Status.UNAVAILABLE });
  });

  it.for([
    {
      where: 'metadata without @type',
      operation: { name, metadata: { progressPercent: 50 }, done: false },
      error: 'must contain @type field',
    },
    {
      where: 'an error detail without @type',
      operation: { ...cancelled([{ reason: 'CANCELLED' }]) },
      error: 'must contain @type field',
    },
    {
      where: 'a Duration metadata without its value',
      operation: {
        name,
        metadata: { '@type': 'type.googleapis.com/google.protobuf.Duration' },
        done: false,
      },
      error: 'must contain the value field',
    },
  ])('rejects a get of an operation with $where', async ({ operation, error }) => {
    server.use(http.get(getUrl, () => HttpResponse.json(operation)));

    await expect(client().getOperation(gaxRequests.get(name), { retry: null })).rejects.toThrow(
      error,
    );
  });
});
