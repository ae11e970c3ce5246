import { describe, expect, it } from 'vitest';
import { HarnessError, isLroError } from '#base';
import type { FetchLike } from '../http/fetch-like.ts';
import { createControlledOperation } from './control-client.ts';
import { CONTROL_PATH, SCENARIOS } from './vocabulary.ts';

const CONTROL = `http://127.0.0.1:9${CONTROL_PATH}`;
const URL_ = `${CONTROL}/operations`;

function answering(status: number, body: string) {
  const requests: Request[] = [];
  const fetch: FetchLike = async (request) => {
    requests.push(request);
    return new Response(body, { status });
  };
  return { requests, fetch };
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('createControlledOperation', () => {
  it.for(SCENARIOS)(
    'POSTs {service, scenario: %s} as JSON and returns the name',
    async (scenario) => {
      const { requests, fetch } = answering(201, '{"name":"operations/op-1"}');
      const name = await createControlledOperation(fetch, CONTROL, 'dai', scenario);
      expect(name).toBe('operations/op-1');
      const [request] = requests;
      expect(request?.method).toBe('POST');
      expect(request?.url).toBe(URL_);
      expect(request?.headers.get('content-type')).toBe('application/json');
      expect(JSON.parse((await request?.text()) ?? '')).toEqual({ service: 'dai', scenario });
    },
  );

  it.for([
    [
      'a 200 instead of 201',
      200,
      '{"name":"operations/op-1"}',
      `answered 200 to {service: "dai", scenario: "running"}: {"name":"operations/op-1"}`,
    ],
    [
      'a 400',
      400,
      '{"error":{"code":400}}',
      'answered 400 to {service: "dai", scenario: "running"}: {"error":{"code":400}}',
    ],
    ['a 500 with text', 500, 'boom', 'answered 500 to {service: "dai", scenario: "running"}: boom'],
    ['a 201 without name', 201, '{}', 'answered 201 without a "name": {}'],
    ['a 201 with an empty name', 201, '{"name":""}', 'answered 201 without a "name": {"name":""}'],
    ['a 201 with a numeric name', 201, '{"name":5}', 'answered 201 without a "name": {"name":5}'],
    ['a 201 with null', 201, 'null', 'answered 201 without a "name": null'],
    ['a 201 that is not JSON', 201, 'created', 'answered 201 without a "name": created'],
    ['a 201 with no body', 201, '', 'answered 201 without a "name": '],
  ] as const)(
    'throws a HarnessError naming the URL and the answer on %s',
    async ([, status, body, message]) => {
      const { fetch } = answering(status, body);
      const error = await rejection(createControlledOperation(fetch, CONTROL, 'dai', 'running'));
      expect(error).toBeInstanceOf(HarnessError);
      expect(isLroError(error)).toBe(true);
      expect(error.message).toBe(`control endpoint ${URL_} ${message}`);
    },
  );

  it('quotes at most 300 characters of the answer', async () => {
    const { fetch } = answering(500, 'x'.repeat(1000));
    const error = await rejection(createControlledOperation(fetch, CONTROL, 'dai', 'running'));
    expect(error.message).toContain('x'.repeat(300));
    expect(error.message).not.toContain('x'.repeat(301));
  });

  it('lets a transport failure through unchanged (the target wraps its own)', async () => {
    const failure = new TypeError('fetch failed');
    const error = await rejection(
      createControlledOperation(
        async () => {
          throw failure;
        },
        CONTROL,
        'dai',
        'running',
      ),
    );
    expect(error).toBe(failure);
  });
});
