/** Reading Discovery documents over loopback HTTP and from files, and every way it fails. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isErrorOf, type LroError } from '#base';
import { type ServiceProfile, serviceProfile } from '#specs';
import {
  closedPort,
  type LoopbackServer,
  serveAnswers,
} from '../../tools/testing/canned-answers-server.ts';
import { type DiscoverySource, discoverySourceOf } from './discovery-source.ts';
import { CHECKS, FUSION_NEW, stored } from './fixtures/discovery-documents.ts';
import { readDiscovery } from './read-discovery.ts';

const fusion = serviceProfile('datafusion') as ServiceProfile;
const options = { fetch: (request: Request) => globalThis.fetch(request), timeoutMs: 2000 };

let server: LoopbackServer;
beforeAll(async () => {
  server = await serveAnswers({
    '/fusion': { body: JSON.stringify(stored(FUSION_NEW)) },
    '/checks': { body: JSON.stringify(stored(CHECKS)) },
    '/denied': {
      status: 403,
      body: JSON.stringify({ error: { code: 403, status: 'PERMISSION_DENIED', message: 'no' } }),
    },
    '/html': { body: '<html>hello</html>', headers: { 'content-type': 'text/html' } },
    '/openapi': { body: JSON.stringify({ openapi: '3.1.0' }) },
    '/slow': { body: '{}', delayMs: 1500 },
  });
});
afterAll(() => server.close());

async function failure(source: DiscoverySource, timeoutMs = 2000): Promise<string> {
  try {
    await readDiscovery(fusion, source, { ...options, timeoutMs });
  } catch (error) {
    // A URL that cannot be used is unavailable (exit 3); a file the user named is theirs (exit 2).
    expect(isErrorOf(error, source.kind === 'url' ? 'unavailable' : 'usage')).toBe(true);
    if (source.kind === 'file') expect((error as LroError).code).toBe('INVALID_FILE');
    expect((error as Error).message).toMatch(/^datafusion: /);
    return (error as Error).message;
  }
  throw new Error('expected the read to fail');
}

describe('readDiscovery', () => {
  it('fetches a document over HTTP and reads its revision', async () => {
    const read = await readDiscovery(
      fusion,
      { kind: 'url', url: `${server.baseUrl}/fusion` },
      options,
    );
    expect(read).toMatchObject({ service: 'datafusion', revision: '20260202' });
    expect(read.document.name).toBe('datafusion');
  });

  it('reads a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lro-discovery-'));
    writeFileSync(join(dir, 'd.json'), JSON.stringify(stored(FUSION_NEW)));
    const read = await readDiscovery(fusion, discoverySourceOf(join(dir, 'd.json')), options);
    expect(read.source).toBe(join(dir, 'd.json'));
  });

  it.for([
    [
      'a 403',
      '/denied',
      'answered HTTP 403 PERMISSION_DENIED: the document is not public; it needs an API key or credentials (docs/DRIFT.md)',
    ],
    ['a 404', '/nowhere', 'answered HTTP 404'],
    ['HTML', '/html', 'is not JSON ('],
    [
      'another kind of document',
      '/openapi',
      'is not a Discovery document (no "kind": "discovery#restDescription")',
    ],
    [
      'the document of another API',
      '/checks',
      'is the Discovery document of checks v1alpha, not of datafusion v1',
    ],
  ] as const)(
    'says what is wrong with %s, naming the service and URL',
    async ([, path, problem]) => {
      const message = await failure({ kind: 'url', url: `${server.baseUrl}${path}` });
      expect(message).toContain(`datafusion: ${server.baseUrl}${path} ${problem}`);
    },
  );

  it('names a refused connection, a timeout and a missing file', async () => {
    const port = await closedPort();
    expect(await failure({ kind: 'url', url: `http://127.0.0.1:${port}/d` })).toBe(
      `datafusion: http://127.0.0.1:${port}/d cannot be fetched (ECONNREFUSED)`,
    );
    expect(await failure({ kind: 'url', url: `${server.baseUrl}/slow` }, 200)).toBe(
      `datafusion: ${server.baseUrl}/slow cannot be fetched (timed out)`,
    );
    expect(await failure({ kind: 'file', path: '/nonexistent/d.json' })).toBe(
      'datafusion: /nonexistent/d.json cannot be read (ENOENT)',
    );
  });

  it('never repeats an API key from the URL', async () => {
    const message = await failure({ kind: 'url', url: `${server.baseUrl}/denied?key=AIzaSECRET` });
    expect(message).not.toContain('AIzaSECRET');
    expect(message).toContain('key=[REDACTED]');
  });

  // A document is input: one nested 100,000 deep overflowed the call stack in whatever walked
  // it, and drift ended with "unexpected failure: Maximum call stack size exceeded".
  it('refuses a document nested far deeper than any Discovery document, naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lro-deep-'));
    const deep = 100_000;
    const text = JSON.stringify(stored(FUSION_NEW)).replace(
      '"resources":{',
      `"resources":{"deep":${'{"resources":{"r":'.repeat(deep)}{}${'}}'.repeat(deep)},`,
    );
    const path = join(dir, 'deep.json');
    writeFileSync(path, text);
    expect(await failure({ kind: 'file', path })).toBe(
      `datafusion: ${path} is nested more than 256 levels deep: not a Discovery document`,
    );
  });
});
