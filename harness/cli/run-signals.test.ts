/**
 * A run stops on SIGINT, SIGTERM and SIGHUP (a closed terminal, a dropped SSH session) with exit
 * 130 and a valid partial report marked interrupted (docs/INTERPRETING.md). SIGHUP used to end
 * the process at once: no report at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoopbackServer, startLoopbackServer } from '../../tools/testing/loopback-server.ts';
import { signalledRun } from '../../tools/testing/signalled-run.ts';

describe('lro-conformance run, interrupted', () => {
  let server: LoopbackServer;

  beforeAll(async () => {
    // Answers its root at once (the preflight), every operation request only after a minute.
    server = await startLoopbackServer(async (request) => {
      if (request.path !== '/') await new Promise((resolve) => setTimeout(resolve, 60_000));
      return { status: 404, body: '' };
    });
  });
  afterAll(() => server.close());

  it.for(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)(
    'stops on %s within seconds, exit 130, with a partial report marked interrupted',
    { timeout: 90_000 },
    async (signal) => {
      server.clearLog();
      const run = await signalledRun(
        [
          ...['--target', server.baseUrl, '--control', 'none', '--service', 'checks'],
          ...['--settle', '0', '--request-timeout', '120000'],
        ],
        signal,
        () => server.requests.some((request) => request.path !== '/'),
      );
      expect(run.signal).toBeNull();
      expect(run.code).toBe(130);
      expect(run.stoppedInMs).toBeLessThan(10_000);
      expect(run.results?.interrupted).toBe(true);
      expect(run.results?.summary.verdict).toBe('interrupted');
    },
  );
});
