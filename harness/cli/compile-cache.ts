/**
 * Node's on-disk compile cache (https://nodejs.org/api/module.html#module-compile-cache) for the
 * CLI and for the worker thread that runs the suites. Every run loads vitest, msw and the harness
 * again, and compiling them is a large part of a short run. `module.enableCompileCache()` covers
 * only the thread that calls it; a worker thread turns the cache on from `NODE_COMPILE_CACHE` in
 * its environment when it starts, so the directory is handed on there (measured: it halves the
 * worker's compile time, docs/PERFORMANCE.md).
 */
import module from 'node:module';

export function enableCompileCache(env: NodeJS.ProcessEnv = process.env): void {
  const result = module.enableCompileCache?.();
  // Not when it is disabled (NODE_DISABLE_COMPILE_CACHE=1) or failed to open, and not when
  // something enabled it before: then `directory` is the versioned subdirectory, not the root.
  if (result?.status === module.constants.compileCacheStatus.ENABLED && result.directory) {
    env.NODE_COMPILE_CACHE ??= result.directory;
  }
}
