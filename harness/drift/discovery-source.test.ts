/** Where each Discovery document comes from: named, listed in the directory, or the service's own URL. */
import { afterEach, describe, expect, it } from 'vitest';
import { loadServiceProfiles } from '#specs';
import {
  closedPort,
  type LoopbackServer,
  serveAnswers,
} from '../../tools/testing/canned-answers-server.ts';
import { discoverySourceOf, resolveDiscoverySources } from './discovery-source.ts';

const profiles = loadServiceProfiles().filter((p) =>
  ['checks', 'dai', 'datafusion'].includes(p.id),
);
const fetch = (request: Request) => globalThis.fetch(request);
const DIRECTORY = {
  kind: 'discovery#directoryList',
  items: [
    {
      name: 'checks',
      version: 'v1alpha',
      discoveryRestUrl: 'https://checks.googleapis.com/$discovery/rest?version=v1alpha',
    },
    {
      name: 'datafusion',
      version: 'v1beta1',
      discoveryRestUrl: 'https://datafusion.googleapis.com/$discovery/rest?version=v1beta1',
    },
    {
      name: 'datafusion',
      version: 'v1',
      discoveryRestUrl: 'https://example.invalid/datafusion/v1/rest',
    },
  ],
};

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('resolveDiscoverySources', () => {
  it("uses the directory's URL for an API and version it lists, else the service's own", async () => {
    server = await serveAnswers({ '/apis': { body: JSON.stringify(DIRECTORY) } });
    const { sources, notes } = await resolveDiscoverySources(profiles, new Map(), {
      fetch,
      directoryUrl: `${server.baseUrl}/apis`,
      timeoutMs: 2000,
    });
    expect(Object.fromEntries(sources)).toEqual({
      checks: { kind: 'url', url: 'https://checks.googleapis.com/$discovery/rest?version=v1alpha' },
      dai: { kind: 'url', url: 'https://dai.googleapis.com/$discovery/rest?version=v1' },
      datafusion: { kind: 'url', url: 'https://example.invalid/datafusion/v1/rest' },
    });
    expect(notes).toEqual([]);
  });

  it('falls back to every service’s own URL, with a note, when the directory cannot be read', async () => {
    const port = await closedPort();
    const { sources, notes } = await resolveDiscoverySources(profiles, new Map(), {
      fetch,
      directoryUrl: `http://127.0.0.1:${port}/apis`,
      timeoutMs: 2000,
    });
    expect(sources.get('datafusion')).toEqual({
      kind: 'url',
      url: 'https://datafusion.googleapis.com/$discovery/rest?version=v1',
    });
    expect(notes).toEqual([
      `the Discovery directory http://127.0.0.1:${port}/apis could not be read (ECONNREFUSED): each service's own $discovery/rest URL was used`,
    ]);
  });

  it('does not read the directory when every service names its document', async () => {
    server = await serveAnswers({ '/apis': { body: JSON.stringify(DIRECTORY) } });
    const named = new Map(profiles.map((p) => [p.id, discoverySourceOf(`${p.id}.json`)]));
    const { sources } = await resolveDiscoverySources(profiles, named, {
      fetch,
      directoryUrl: `${server.baseUrl}/apis`,
      timeoutMs: 2000,
    });
    expect(sources.get('dai')).toEqual({ kind: 'file', path: 'dai.json' });
    expect(server.requested).toEqual([]);
  });

  it('tells URLs from files', () => {
    expect(discoverySourceOf('HTTPS://x.invalid/d')).toEqual({
      kind: 'url',
      url: 'HTTPS://x.invalid/d',
    });
    expect(discoverySourceOf('./d.json')).toEqual({ kind: 'file', path: './d.json' });
  });
});
