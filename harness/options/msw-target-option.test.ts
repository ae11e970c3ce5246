/**
 * `--target msw:PATH` as run-options.ts parses it (msw-target-option.ts): plain data with the
 * module's absolute path, the timing of a real-time target, a control hook, and the services the
 * module declares.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLroError } from '#base';
import { URL_SETTLE_MS } from '../clause/run-config.ts';
import { mswServices, mswTargetConfig } from './msw-target-option.ts';
import { parseRunOptions } from './run-options.ts';

const INDEPENDENT = 'harness/targets/fixtures/independent-msw/handlers.ts';

describe('--target msw:PATH', () => {
  it('becomes serialisable target data: the absolute path for the worker, the path as written for the report', () => {
    const options = parseRunOptions(['--target', 'msw:mocks/handlers.ts']);
    expect(options.run.target).toEqual({
      kind: 'msw',
      modulePath: resolve('mocks/handlers.ts'),
      source: 'mocks/handlers.ts',
    });
    expect(JSON.parse(JSON.stringify(options.run.target))).toEqual(options.run.target);
    // Real time, as over HTTP; the module's hook is the control endpoint.
    expect(options.run.settleMs).toBe(URL_SETTLE_MS);
    expect(options.run.capabilities.control).toBe(true);
    expect(options.requestTimeoutMs).toBeUndefined();
  });

  it('resolves the path against the directory it is given', () => {
    expect(mswTargetConfig('msw:./h.js', {}, '/work/project').modulePath).toBe(
      '/work/project/h.js',
    );
  });

  it('takes the services the module declares, or checks the requested ones against them', async () => {
    const config = mswTargetConfig(`msw:${INDEPENDENT}`, {});
    const all = ['admanager', 'adsdatahub', 'checks', 'dai', 'datafusion'];
    expect(await mswServices(config, undefined, all)).toEqual(['checks', 'datafusion']);
    expect(await mswServices(config, ['datafusion'], all)).toEqual(['datafusion']);
    const refused = await mswServices(config, ['dai', 'admanager'], all).catch((error) => error);
    expect(isLroError(refused) && refused.exitCode).toBe(2);
    expect((refused as Error).message).toBe(
      `--target msw:${INDEPENDENT}: serves checks, datafusion (its services export), not dai, admanager: drop them from --service, or add them to services`,
    );
  });

  it('lets a module that declares nothing run every requested service', async () => {
    const config = mswTargetConfig(
      'msw:harness/targets/fixtures/independent-msw/get-only-handlers.ts',
      {},
    );
    expect(await mswServices(config, ['dai'], ['checks', 'dai'])).toEqual(['dai']);
    expect(await mswServices(config, undefined, ['checks', 'dai'])).toEqual(['checks', 'dai']);
  });
});
