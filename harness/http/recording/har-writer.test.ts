import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Exchange, forgetSecrets, REDACTED, registerSecret } from '#reports';
import { toHar, writeHar } from './har-writer.ts';
import { readHar } from './read-har.ts';

const PARENT = 'projects/my-proj/locations/us';
const CANARY = 'canary-har-4b1d-token';
const NAME = `${PARENT}/operations/o1`;

const cancel: Exchange = {
  request: {
    method: 'POST',
    url: `https://datafusion.googleapis.com/v1/${NAME}:cancel?key=${encodeURIComponent(REDACTED)}`,
    headers: {
      authorization: `Bearer ${REDACTED}`,
      'content-type': 'application/json',
      'x-echo': CANARY,
    },
    body: '{}',
  },
  response: {
    status: 404,
    headers: { 'content-type': 'application/json; charset=UTF-8', 'set-cookie': 'NID=1' },
    body: JSON.stringify({
      error: { code: 404, message: `Operation ${NAME} not found (${CANARY}).` },
    }),
  },
  curl: `curl -X POST 'https://datafusion.googleapis.com/v1/${NAME}:cancel'`,
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 42,
};
const failed: Exchange = {
  request: { method: 'GET', url: `https://datafusion.googleapis.com/v1/${NAME}`, headers: {} },
  curl: 'curl',
};

afterEach(() => {
  forgetSecrets();
});

describe('toHar', () => {
  it('writes HAR 1.2 entries with timings, query, post data and content', () => {
    const har = toHar([cancel]);
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator.name).toBe('lro-conformance');
    const [entry] = har.log.entries;
    expect(entry).toMatchObject({
      startedDateTime: '2026-01-01T00:00:00.000Z',
      time: 42,
      timings: { send: 0, wait: 42, receive: 0 },
      request: {
        method: 'POST',
        httpVersion: 'HTTP/1.1',
        queryString: [{ name: 'key', value: REDACTED }],
        postData: { mimeType: 'application/json', text: '{}' },
        bodySize: 2,
        headersSize: -1,
      },
      response: {
        status: 404,
        statusText: 'Not Found',
        content: { mimeType: 'application/json; charset=UTF-8' },
        redirectURL: '',
      },
      cache: {},
    });
  });

  it('scrubs registered secrets and secret headers from every field', () => {
    registerSecret(CANARY);
    const text = JSON.stringify(toHar([cancel]));
    expect(text).not.toContain(CANARY);
    expect(text).not.toContain('NID=1');
    expect(text).toContain(`"Bearer ${REDACTED}"`);
  });

  it('replaces the parents by placeholders everywhere and lists them', () => {
    const har = toHar([cancel], { parents: { datafusion: PARENT } });
    const text = JSON.stringify(har);
    expect(text).not.toContain('my-proj');
    expect(har.log.entries[0]?.request.url).toBe(
      `https://datafusion.googleapis.com/v1/projects/{project}/locations/{location}/operations/o1:cancel?key=${REDACTED}`,
    );
    expect(har.log.entries[0]?.response.content.text).toContain(
      'Operation projects/{project}/locations/{location}/operations/o1 not found',
    );
    expect(har.log._lroConformance).toEqual({
      version: 1,
      parents: { datafusion: 'projects/{project}/locations/{location}' },
    });
  });

  it('records how the run was set up, its names under placeholders too', () => {
    const har = toHar([cancel], {
      parents: { datafusion: PARENT },
      run: {
        services: ['datafusion'],
        endpoints: { datafusion: 'https://datafusion.googleapis.com' },
        probeSeed: 'seed1234',
        deadlineMs: 30_000,
        settleMs: 3_000,
        operations: { datafusion: `${PARENT}/operations/read-me` },
        cancellable: { datafusion: NAME },
      },
    });
    expect(har.log._lroConformance?.run).toEqual({
      services: ['datafusion'],
      endpoints: { datafusion: 'https://datafusion.googleapis.com' },
      probeSeed: 'seed1234',
      deadlineMs: 30_000,
      settleMs: 3_000,
      operations: { datafusion: 'projects/{project}/locations/{location}/operations/read-me' },
      cancellable: { datafusion: 'projects/{project}/locations/{location}/operations/o1' },
    });
  });

  it('replaces a parent that is also a secret by its placeholder, so a replay still matches', () => {
    registerSecret('my-proj');
    const har = toHar([cancel], { parents: { datafusion: PARENT } });
    expect(har.log.entries[0]?.request.url).toContain('/projects/{project}/locations/{location}/');
    expect(JSON.stringify(har)).not.toContain('my-proj');
  });

  it('writes a transport failure as status 0 with _error', () => {
    const [entry] = toHar([failed]).log.entries;
    expect(entry?.response.status).toBe(0);
    expect(entry?._error).toBe('no response (transport failure)');
    expect(entry?.startedDateTime).toBe('1970-01-01T00:00:00.000Z');
    expect(entry?.request.postData).toBeUndefined();
  });
});

describe('writeHar', () => {
  it('writes a file readHar reads back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lro-har-'));
    try {
      const path = join(dir, 'run.har');
      await writeHar(path, [cancel, failed], { parents: { datafusion: PARENT } });
      expect(await readHar(path)).toEqual(
        toHar([cancel, failed], { parents: { datafusion: PARENT } }),
      );
      expect(await readFile(path, 'utf8')).not.toContain('my-proj');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('makes the directories it needs, and names a path it cannot write', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lro-har-'));
    try {
      await writeHar(join(dir, 'new/dir/run.har'), [cancel]);
      expect(await readHar(join(dir, 'new/dir/run.har'))).toEqual(toHar([cancel]));
      await writeFile(join(dir, 'a-file'), '');
      await expect(writeHar(join(dir, 'a-file/run.har'), [cancel])).rejects.toThrow(
        `cannot write the recording to ${join(dir, 'a-file/run.har')}: ENOTDIR`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
