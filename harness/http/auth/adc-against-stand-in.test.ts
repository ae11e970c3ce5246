/**
 * Every ADC source, end to end: credentials from a stand-in token source, headers added by
 * withAuth, the request answered by the Google front-end stand-in, the exchange recorded as
 * evidence. The stand-in accepting the token shows the header is right; the recording holding no
 * trace of it shows the scrubber learnt it.
 */
import { describe, expect, it } from 'vitest';
import { useAdcWorld } from '../../../tools/testing/adc-world.ts';
import { recordExchanges } from '../../clause/exchange-recorder.ts';
import { createAdcCredentials } from './adc-credentials.ts';
import { withAuth } from './auth-headers.ts';
import { CLOUD_PLATFORM_SCOPE } from './service-scopes.ts';

const PARENT = 'projects/mine/locations/us';

const world = useAdcWorld(PARENT);
const { authority } = world;

describe('ADC through withAuth against the Google stand-in', () => {
  it.for(world.sources)(
    '%s gets past authentication to the 404 of an absent operation',
    async ([, setUp]) => {
      await setUp();
      const adc = createAdcCredentials({
        scopes: [CLOUD_PLATFORM_SCOPE],
        quotaProjectId: 'billing-xyz',
      });
      const recorder = recordExchanges(withAuth((request) => fetch(request), adc.headers));
      const response = await recorder.fetch(
        new Request(`${world.standIn().baseUrl}/v1/${PARENT}/operations/lro-conformance-absent`),
      );
      expect(response.status).toBe(404);
      const sent = world.standIn().requests.at(-1)?.headers ?? {};
      const token = /^Bearer (\S+)$/.exec(sent.authorization ?? '')?.[1] ?? '';
      expect(authority.lookup(token)).toBeDefined();
      expect(sent['x-goog-user-project']).toBe('billing-xyz');
      const evidence = JSON.stringify(recorder.exchanges);
      expect(evidence).toContain('404');
      expect(evidence).not.toContain(token);
      expect(evidence).not.toContain('billing-xyz');
    },
  );

  it('is refused with 401 when no credentials are added', async () => {
    const response = await fetch(
      `${world.standIn().baseUrl}/v1/${PARENT}/operations/lro-conformance-absent`,
    );
    expect(response.status).toBe(401);
  });
});
