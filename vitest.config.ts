import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{base,specs,harness,reports,suites,tools}/**/*.test.ts'],
    // Fixture suites run only inside the tests that drive them.
    exclude: [...configDefaults.exclude, '**/fixtures/suites/**'],
    environment: 'node',
    // Many tests run the real CLI in a child process; on a shared two-core machine one run can
    // take several seconds, so vitest's 5 s default would fail correct tests.
    testTimeout: 60_000,
    // Set-up and clean-up of installed projects and servers are slow on a loaded shared machine.
    hookTimeout: 120_000,
    env: { METADATA_SERVER_DETECTION: 'none' },
    // Parameterised titles carry clause ids and fault ids: keep them whole.
    taskTitleValueFormatTruncate: 200,
  },
});
