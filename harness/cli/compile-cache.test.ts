import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODULE = fileURLToPath(new URL('./compile-cache.ts', import.meta.url));

/** Enables the cache the CLI's way, then asks a fresh worker thread where its cache is. */
const PROBE = `
import { Worker } from 'node:worker_threads';
import { enableCompileCache } from ${JSON.stringify(MODULE)};
enableCompileCache();
const worker = new Worker("console.log(process.getBuiltinModule('node:module').getCompileCacheDir() ?? 'none')", { eval: true });
worker.on('error', (error) => { console.error(error); process.exitCode = 1; });
`;

function workerCacheDir(env: NodeJS.ProcessEnv): string {
  const { NODE_COMPILE_CACHE: _inherited, ...rest } = process.env;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', PROBE], {
    env: { ...rest, ...env },
    encoding: 'utf8',
  });
  expect(child.stderr).toBe('');
  return child.stdout.trim();
}

describe('enableCompileCache', () => {
  it('hands the cache on to worker threads, which module.enableCompileCache() alone does not', () => {
    expect(workerCacheDir({})).toMatch(/node-compile-cache/);
  });

  it('leaves it off when NODE_DISABLE_COMPILE_CACHE asks so', () => {
    expect(workerCacheDir({ NODE_DISABLE_COMPILE_CACHE: '1' })).toBe('none');
  });
});
