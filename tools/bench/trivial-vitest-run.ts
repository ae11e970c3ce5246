/**
 * The floor of the embedded-matrix benchmark: one trivial test file run through vitest's Node API
 * with the options `lro-conformance run` uses (harness/run/run-suites.ts), started like the CLI
 * (harness/cli/bin.ts turns Node's compile cache on, for its worker thread too). Self-contained,
 * so floor-run.ts can hand Node a type-stripped copy when the matrix runs from compiled
 * JavaScript.
 * Usage: `node trivial-vitest-run.ts ROOT FILE` (FILE relative to ROOT).
 */
import module from 'node:module';

// As harness/cli/compile-cache.ts: the worker thread gets the cache only through its environment.
const cache = module.enableCompileCache?.();
if (cache?.status === module.constants.compileCacheStatus.ENABLED && cache.directory) {
  process.env.NODE_COMPILE_CACHE ??= cache.directory;
}
const [root, file] = process.argv.slice(2);
if (root === undefined || file === undefined) {
  process.stderr.write('usage: trivial-vitest-run ROOT FILE\n');
  process.exit(2);
}
const { createVitest } = await import('vitest/node');
const vitest = await createVitest(
  {
    root,
    config: false,
    include: [file],
    watch: false,
    reporters: [],
    isolate: false,
    pool: 'threads',
    maxWorkers: 1,
    experimental: { viteModuleRunner: false },
    sequence: { concurrent: true },
    maxConcurrency: 32, // the embedded reference's, harness/run/run-suites.ts
    passWithNoTests: false,
    testTimeout: 0,
  },
  { logLevel: 'silent' },
);
try {
  const { testModules } = await vitest.start();
  if (testModules.some((testModule) => !testModule.ok())) process.exitCode = 1;
} finally {
  await vitest.close();
}
