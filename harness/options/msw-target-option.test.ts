/**
 * `--target msw:PATH` as run-options.ts reads it (msw-target-option.ts): plain data with the
 * module's absolute path, the timing of a real-time target, a control hook, and the services the
 * module declares.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLroError } from '#base';
import { URL_SETTLE_MS } from '../plan/run-config.ts';
import { mswServices, mswTargetConfig } from './msw-target-option.ts';
import { FLAG_TERMS, OPTION_NAME_TERMS } from './option-terms.ts';
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
    expect(mswTargetConfig('msw:./h.js', {}, FLAG_TERMS, '/work/project').modulePath).toBe(
      '/work/project/h.js',
    );
  });

  it('takes the services the module declares, or checks the requested ones against them', async () => {
    const config = mswTargetConfig(`msw:${INDEPENDENT}`, {}, FLAG_TERMS);
    const all = ['admanager', 'adsdatahub', 'checks', 'dai', 'datafusion'];
    expect(await mswServices(config, undefined, all)).toEqual(['checks', 'datafusion']);
    expect(await mswServices(config, ['datafusion'], all)).toEqual(['datafusion']);
    const refused = await mswServices(config, ['dai', 'admanager'], all).catch((error) => error);
    expect(isLroError(refused) && refused.exitCode).toBe(2);
    expect((refused as Error).message).toBe(
      `--target msw:${INDEPENDENT}: serves checks, datafusion (its services export), not dai, admanager: drop them from --service, or add them to services`,
    );
  });

  it("names runConformance's options when the caller gave options", async () => {
    const config = mswTargetConfig(`msw:${INDEPENDENT}`, {}, OPTION_NAME_TERMS);
    const all = ['admanager', 'adsdatahub', 'checks', 'dai', 'datafusion'];
    const refused = await mswServices(config, ['dai'], all, OPTION_NAME_TERMS).catch((e) => e);
    expect((refused as Error).message).toBe(
      `target msw:${INDEPENDENT}: serves checks, datafusion (its services export), not dai: drop it from services, or add it to services`,
    );
    const missing = mswTargetConfig('msw:nowhere/handlers.js', {}, OPTION_NAME_TERMS);
    const notFound = await mswServices(missing, undefined, all, OPTION_NAME_TERMS).catch((e) => e);
    expect((notFound as Error).message).toMatch(/^target msw:nowhere\/handlers\.js: no such file/);
    expect(() => mswTargetConfig('msw:x.js', { record: 'x.har' }, OPTION_NAME_TERMS)).toThrow(
      'record applies to targets over HTTP only: drop it with target msw:…',
    );
  });

  it('lets a module that declares nothing run every requested service', async () => {
    const config = mswTargetConfig(
      'msw:harness/targets/fixtures/independent-msw/get-only-handlers.ts',
      {},
      FLAG_TERMS,
    );
    expect(await mswServices(config, ['dai'], ['checks', 'dai'])).toEqual(['dai']);
    expect(await mswServices(config, undefined, ['checks', 'dai'])).toEqual(['checks', 'dai']);
  });
});
