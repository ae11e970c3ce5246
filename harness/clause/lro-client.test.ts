/**
 * What the client puts on the wire (google/api/http.proto: literal slashes in a
 * multi-segment variable, each segment encoded; no body, `{}` or `""` as asked) and what it hands back (the raw text, never a throw on status).
 */
import { describe, expect, it } from 'vitest';
import { catalogueProfiles, type ServiceProfile, serviceProfile } from '#specs';
import type { FetchLike } from '../http/fetch-like.ts';
import { createLroClient, encodeName } from './lro-client.ts';

const BASE = 'https://target.test';

function profile(id: string): ServiceProfile {
  const found = serviceProfile(id);
  if (!found) throw new Error(`no service profile "${id}"`);
  return found;
}

/** A fetch that keeps every Request it gets and answers with `answer()`. */
function capturing(answer: () => Response = () => new Response('{}')) {
  const requests: Request[] = [];
  const fetch: FetchLike = async (request) => {
    requests.push(request);
    return answer();
  };
  return { requests, fetch };
}

async function sent(profileId: string, call: 'cancel' | 'get', name: string) {
  const { requests, fetch } = capturing();
  const client = createLroClient(profile(profileId), BASE, fetch);
  await (call === 'cancel' ? client.cancel(name) : client.get(name));
  const [request] = requests;
  if (!request || requests.length !== 1)
    throw new Error(`expected one request, got ${requests.length}`);
  return request;
}

describe('createLroClient', () => {
  it.for([
    ['checks', 'accounts/a/apps/b/operations/c', '/v1alpha/accounts/a/apps/b/operations/c:cancel'],
    [
      'admanager',
      'networks/1/operations/reports/runs/2',
      '/v1/networks/1/operations/reports/runs/2:cancel',
    ],
    ['dai', 'operations/x/y/z', '/v1/operations/x/y/z:cancel'],
  ] as const)(
    'cancel POSTs %s %s to its version with literal slashes',
    async ([id, name, path]) => {
      const request = await sent(id, 'cancel', name);
      expect(request.method).toBe('POST');
      expect(new URL(request.url).origin).toBe(BASE);
      expect(new URL(request.url).pathname).toBe(path);
    },
  );

  it.for([
    ['a space', 'accounts/a b/apps/b/operations/c', '/accounts/a%20b/apps/b/operations/c'],
    ['a colon', 'accounts/a/apps/b:c/operations/d', '/accounts/a/apps/b%3Ac/operations/d'],
    ['a question mark', 'accounts/a/apps/b/operations/c?x', '/accounts/a/apps/b/operations/c%3Fx'],
    ['a hash', 'accounts/a/apps/b/operations/c#x', '/accounts/a/apps/b/operations/c%23x'],
    ['a percent sign', 'accounts/a/apps/b/operations/100%', '/accounts/a/apps/b/operations/100%25'],
  ] as const)('percent-encodes %s inside a segment', async ([, name, path]) => {
    const cancel = await sent('checks', 'cancel', name);
    expect(new URL(cancel.url).pathname).toBe(`/v1alpha${path}:cancel`);
    const get = await sent('checks', 'get', name);
    expect(new URL(get.url).pathname).toBe(`/v1alpha${path}`);
  });

  it('get sends GET without a body to /<version>/<name>', async () => {
    const request = await sent('admanager', 'get', 'networks/1/operations/reports/runs/2');
    expect(request.method).toBe('GET');
    expect(request.body).toBeNull();
    expect(new URL(request.url).pathname).toBe('/v1/networks/1/operations/reports/runs/2');
  });

  it.for([
    ['no body option', undefined, null],
    ['{ body: {} }', { body: {} }, '{}'],
    ["{ body: '' }", { body: '' }, '""'],
    ['{ body: { probe: 1 } }', { body: { probe: 1 } }, '{"probe":1}'],
  ] as const)('cancel with %s sends %s', async ([, options, expected]) => {
    const { requests, fetch } = capturing();
    await createLroClient(profile('checks'), BASE, fetch).cancel(
      'accounts/a/apps/b/operations/c',
      options,
    );
    const request = requests[0];
    if (expected === null) {
      expect(request?.body).toBeNull();
      expect(request?.headers.has('content-type')).toBe(false);
    } else {
      expect(await request?.text()).toBe(expected);
      expect(request?.headers.get('content-type')).toBe('application/json');
    }
  });

  it('keeps a base URL path and drops its trailing slash', async () => {
    const { requests, fetch } = capturing();
    await createLroClient(profile('checks'), `${BASE}/prefix/`, fetch).get(
      'accounts/a/apps/b/operations/c',
    );
    expect(new URL(requests[0]?.url ?? '').pathname).toBe(
      '/prefix/v1alpha/accounts/a/apps/b/operations/c',
    );
  });

  it.for([
    ['a zero-length 200', 200, '', {}, ''],
    ['a zero-length 200 with Content-Length: 0', 200, '', { 'content-length': '0' }, ''],
    ['a 200 with {}', 200, '{}', {}, '{}'],
    ['a 204', 204, null, {}, ''],
    [
      'a 200 Operation',
      200,
      '{"name":"operations/x","done":false}',
      {},
      '{"name":"operations/x","done":false}',
    ],
  ] as const)('keeps the raw text of %s', async ([, status, body, headers, text]) => {
    const { fetch } = capturing(() => new Response(body, { status, headers }));
    const result = await createLroClient(profile('dai'), BASE, fetch).cancel('operations/x');
    expect(result.status).toBe(status);
    expect(result.text).toBe(text);
    expect(result.json).toEqual(text === '' ? undefined : JSON.parse(text));
  });

  it.for([
    [400, '{"error":{"code":400,"message":"bad","status":"INVALID_ARGUMENT"}}'],
    [404, '{"error":{"code":404,"message":"no","status":"NOT_FOUND"}}'],
    [501, '{"error":{"code":501,"message":"no","status":"UNIMPLEMENTED"}}'],
    [500, '<html>Internal Server Error</html>'],
    [503, ''],
  ] as const)(
    'never throws on HTTP %i: the answer comes back as a result',
    async ([status, body]) => {
      const { fetch } = capturing(() => new Response(body, { status }));
      const client = createLroClient(profile('datafusion'), BASE, fetch);
      for (const result of [
        await client.cancel('projects/p/locations/l/operations/o'),
        await client.get('projects/p/locations/l/operations/o'),
      ]) {
        expect(result.status).toBe(status);
        expect(result.text).toBe(body);
        expect(result.json).toEqual(body.startsWith('{') ? JSON.parse(body) : undefined);
      }
    },
  );

  it('never throws on a 200 whose body is not JSON: json is undefined, text is kept', async () => {
    const { fetch } = capturing(() => new Response('<html>proxy page</html>', { status: 200 }));
    const result = await createLroClient(profile('dai'), BASE, fetch).get('operations/x');
    expect(result).toMatchObject({ status: 200, text: '<html>proxy page</html>', json: undefined });
  });

  it('rethrows a transport failure', async () => {
    const failure = new TypeError('fetch failed');
    const client = createLroClient(profile('dai'), BASE, async () => {
      throw failure;
    });
    await expect(client.get('operations/x')).rejects.toBe(failure);
  });
});

describe('encodeName', () => {
  it.for([
    ['operations/a', 'operations/a'],
    ['operations/a b/c:d', 'operations/a%20b/c%3Ad'],
    ['accounts//apps', 'accounts//apps'],
    ['', ''],
  ] as const)('%s -> %s', ([name, encoded]) => {
    expect(encodeName(name)).toBe(encoded);
  });
});

describe('createLroClient on generated profiles', () => {
  const catalogued = (id: string) => {
    const found = catalogueProfiles().find((each) => each.id === id);
    if (found === undefined) throw new Error(`no catalogue profile "${id}"`);
    return found;
  };

  it('builds the URL from the rule around {name=…}: pubsublite cancels under /v1/admin/', async () => {
    const { requests, fetch } = capturing();
    const client = createLroClient(catalogued('pubsublite'), BASE, fetch);
    await client.cancel('projects/p/locations/l/operations/o');
    await client.get('projects/p/locations/l/operations/o');
    expect(requests.map((request) => new URL(request.url).pathname)).toEqual([
      '/v1/admin/projects/p/locations/l/operations/o:cancel',
      '/v1/admin/projects/p/locations/l/operations/o',
    ]);
  });

  it('sends the cancel with the method its rule binds: datalabeling cancels with GET, no body', async () => {
    const { requests, fetch } = capturing();
    const client = createLroClient(catalogued('datalabeling'), BASE, fetch);
    await client.cancel('projects/p/operations/o');
    expect(requests[0]?.method).toBe('GET');
    expect(new URL(requests[0]?.url ?? '').pathname).toBe(
      '/v1beta1/projects/p/operations/o:cancel',
    );
    expect(() => client.cancel('projects/p/operations/o', { body: {} })).toThrow(
      'datalabeling binds its cancel to GET, which carries no body',
    );
  });

  it('refuses a get where the service publishes none, naming the clause metadata to fix', () => {
    const client = createLroClient(catalogued('texttospeech'), BASE, capturing().fetch);
    expect(() => client.get('operations/o')).toThrow(
      'texttospeech publishes no get; the clause must declare that it calls get (ClauseInfo.calls)',
    );
  });
});
