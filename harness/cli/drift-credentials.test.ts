/**
 * `drift --header` and `--auth adc`: credentials for Discovery documents that are not public go
 * with each service's document request, never with the public Discovery directory's.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LroError } from '#base';
import { loadServiceProfiles } from '#specs';
import { CHECKS, stored } from '../drift/fixtures/discovery-documents.ts';
import { detectDrift, parseDriftArgs } from './drift-command.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

function spyFetch() {
  const seen: { url: string; key: string | null; authorization: string | null }[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    seen.push({
      url: request.url,
      key: request.headers.get('x-goog-api-key'),
      authorization: request.headers.get('authorization'),
    });
    const body = request.url.includes('/discovery/v1/apis')
      ? {
          items: [
            { name: 'checks', version: 'v1alpha', discoveryRestUrl: 'https://checks.example/rest' },
          ],
        }
      : stored(CHECKS);
    return Response.json(body);
  };
  return { fetch, seen };
}

describe('drift credentials', () => {
  it('sends --header values with the document request only, expanded from the environment', async () => {
    vi.stubEnv('DRIFT_TEST_KEY', 'drift-key-8c1e');
    const options = parseDriftArgs(
      ['--service', 'checks', '--header', 'X-Goog-Api-Key: $DRIFT_TEST_KEY'],
      loadServiceProfiles(),
    );
    expect(options.auth).toEqual({ headers: ['X-Goog-Api-Key: $DRIFT_TEST_KEY'] });
    const { fetch, seen } = spyFetch();
    const report = await detectDrift(options, {
      fetch,
      clauses: async () => [],
      directoryUrl: 'https://directory.example/discovery/v1/apis',
    });
    expect(report.services[0]).toMatchObject({ service: 'checks', status: 'compared' });
    expect(seen).toEqual([
      { url: 'https://directory.example/discovery/v1/apis', key: null, authorization: null },
      { url: 'https://checks.example/rest', key: 'drift-key-8c1e', authorization: null },
    ]);
  });

  it('reads --auth adc, --scope and --quota-project, and refuses them without ADC', () => {
    const options = parseDriftArgs(
      [
        '--service',
        'checks',
        '--auth',
        'adc',
        '--scope',
        'checks=cloud-platform',
        '--quota-project',
        'p-123',
      ],
      loadServiceProfiles(),
    );
    expect(options.auth?.adc).toEqual({
      scopes: expect.objectContaining({
        checks: ['https://www.googleapis.com/auth/cloud-platform'],
      }),
      quotaProject: 'p-123',
    });
    for (const [argv, expected] of [
      [['--quota-project', 'p'], '--quota-project needs --auth adc'],
      [['--scope', 'checks=checks'], '--scope needs --auth adc'],
      [
        ['--header', 'nocolon'],
        '--header takes "Name: value" with a colon after the name; --header number 1 has no colon',
      ],
    ] as const) {
      expect(() => parseDriftArgs(argv, loadServiceProfiles())).toThrow(LroError);
      expect(() => parseDriftArgs(argv, loadServiceProfiles())).toThrow(expected);
    }
  });
});
