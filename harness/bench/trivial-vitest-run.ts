/**
 * The floor the matrix benchmark compares against: one trivial test file run through vitest's
 * Node API with the same options `lro-conformance run` uses (harness/cli/run-suites.ts).
 */
import { createVitest } from 'vitest/node';
import { PACKAGE_ROOT } from '../cli/suite-catalogue.ts';

const vitest = await createVitest(
  {
    root: PACKAGE_ROOT,
    config: false,
    include: ['harness/bench/fixtures/trivial.fixture.ts'],
    watch: false,
    reporters: [],
    isolate: false,
    pool: 'threads',
    experimental: { viteModuleRunner: false },
    fileParallelism: false,
  },
  { logLevel: 'silent' },
);
try {
  await vitest.start();
} finally {
  await vitest.close();
}
