import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{specs,harness,reports,suites,scripts}/**/*.test.ts'],
    environment: 'node',
    env: { METADATA_SERVER_DETECTION: 'none' },
    // Parameterised titles carry clause ids and fault ids: keep them whole.
    taskTitleValueFormatTruncate: 200,
  },
});
