/**
 * A standard OpenAPI tool loads specs/openapi-3.0/ as it is: Stoplight Prism
 * (`@stoplight/prism-cli`, a devDependency) mocks each service from its generated document on
 * loopback and answers a cancel, a GetOperation, a request without credentials and a requested
 * error status as the document says. Prism cannot route the source documents' multi-segment
 * `{name}` (the last test shows it), which is why the flat form exists (specs/README.md).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServiceProfiles, type ServiceProfile } from '#specs';
import { OPENAPI_30_DIRECTORY } from '../../specs/openapi-30-documents.ts';

const PRISM = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');
const STARTUP_MS = 60_000;

interface Mock {
  readonly process: ChildProcess;
  readonly baseUrl: string;
}

/** `prism mock FILE` on a free loopback port, once it says it listens. */
function startPrism(file: string): Promise<Mock> {
  const child = spawn(process.execPath, [PRISM, 'mock', file, '-h', '127.0.0.1', '-p', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`prism did not start:\n${seen}`)), STARTUP_MS);
    const read = (chunk: Buffer) => {
      seen += chunk.toString();
      const url = /Prism is listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(seen)?.[1];
      if (url !== undefined) {
        clearTimeout(timer);
        resolve({ process: child, baseUrl: url });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`prism exited ${code} before listening:\n${seen}`));
    });
  });
}

/** A name of the service's template, one plain segment per wildcard (`**` as one). */
function sampleName(profile: ServiceProfile): string {
  return profile.nameTemplate
    .split('/')
    .map((segment, index) => (segment === '*' || segment === '**' ? `x${index}` : segment))
    .join('/');
}

const profiles = loadServiceProfiles();
const mocks = new Map<string, Mock>();

beforeAll(async () => {
  const started = await Promise.all(
    profiles.map(async (profile) => {
      const file = fileURLToPath(new URL(`${profile.id}.openapi.json`, OPENAPI_30_DIRECTORY));
      return [profile.id, await startPrism(file)] as const;
    }),
  );
  for (const [id, mock] of started) mocks.set(id, mock);
}, 120_000);

afterAll(() => {
  for (const mock of mocks.values()) mock.process.kill('SIGTERM');
});

describe.each(profiles.map((profile) => [profile.id, profile] as const))(
  'Prism mocking specs/openapi-3.0/%s.openapi.json',
  (id, profile) => {
    const url = (suffix = '') =>
      `${mocks.get(id)?.baseUrl}/${profile.version}/${sampleName(profile)}${suffix}`;
    const auth = { authorization: 'Bearer mock' };

    it('answers a cancel with no body: 200 and an empty JSON object', async () => {
      const response = await fetch(url(':cancel'), { method: 'POST', headers: auth });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({});
    });

    it('answers GetOperation with an Operation', async () => {
      const response = await fetch(url(), { headers: auth });
      expect(response.status).toBe(200);
      expect(await response.json()).toHaveProperty('name');
    });

    it.skipIf(profile.id === 'dai')(
      'answers a request without credentials 401 with the error envelope',
      async () => {
        const response = await fetch(url(':cancel'), { method: 'POST' });
        expect(response.status).toBe(401);
      },
    );

    it('answers a requested 404 with the AIP-193 envelope of NOT_FOUND', async () => {
      const response = await fetch(url(), { headers: { ...auth, prefer: 'code=404' } });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error: { code: 404, message: 'NOT_FOUND (example).', status: 'NOT_FOUND' },
      });
    });
  },
);

describe('Prism and the source document', () => {
  it('cannot route a cancel through the multi-segment {name} of specs/services/', async () => {
    const checks = profiles.find((profile) => profile.id === 'checks') as ServiceProfile;
    const source = fileURLToPath(
      new URL('../../specs/services/checks.openapi.json', import.meta.url),
    );
    const mock = await startPrism(source);
    try {
      const response = await fetch(
        `${mock.baseUrl}/${checks.version}/${sampleName(checks)}:cancel`,
        { method: 'POST', headers: { authorization: 'Bearer mock' } },
      );
      expect(response.status).toBe(404);
    } finally {
      mock.process.kill('SIGTERM');
    }
  }, 60_000);
});
