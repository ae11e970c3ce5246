import { describe, expect, it } from 'vitest';
import { combineAuthHeaders, fixedHeaders, withAuth } from './auth-headers.ts';

describe('withAuth', () => {
  it('adds the provider headers for the request URL, replacing same-named ones, keeping the body', async () => {
    const seen: { url: string; headers: Headers; body: string }[] = [];
    const asked: string[] = [];
    const fetch = withAuth(
      async (request) => {
        seen.push({ url: request.url, headers: request.headers, body: await request.text() });
        return new Response('{}');
      },
      async (url) => {
        asked.push(url);
        return new Headers({ authorization: 'Bearer t1', 'x-goog-user-project': 'p' });
      },
    );
    const url = 'https://h.example/v1/operations/x:cancel';
    await fetch(
      new Request(url, {
        method: 'POST',
        body: '{}',
        headers: { authorization: 'Bearer stale', 'content-type': 'application/json' },
      }),
    );
    expect(asked).toEqual([url]);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe(url);
    expect(seen[0]?.body).toBe('{}');
    expect(Object.fromEntries(seen[0]?.headers ?? [])).toEqual({
      authorization: 'Bearer t1',
      'x-goog-user-project': 'p',
      'content-type': 'application/json',
    });
  });

  it('lets a provider failure reach the caller without sending anything', async () => {
    let sent = 0;
    const fetch = withAuth(
      async () => {
        sent += 1;
        return new Response();
      },
      async () => {
        throw new Error('no credentials');
      },
    );
    await expect(fetch(new Request('https://h.example/'))).rejects.toThrow('no credentials');
    expect(sent).toBe(0);
  });
});

describe('combineAuthHeaders', () => {
  it('merges providers in order, the later one winning', async () => {
    const provider = combineAuthHeaders(
      fixedHeaders(new Headers({ authorization: 'Bearer adc', 'x-a': '1' })),
      fixedHeaders(new Headers({ authorization: 'Bearer flag' })),
    );
    expect(Object.fromEntries(await provider('https://h/'))).toEqual({
      authorization: 'Bearer flag',
      'x-a': '1',
    });
  });
});
