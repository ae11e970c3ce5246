import { conformanceTest, defineClause, seedSources } from '#harness';

const clause = defineClause(import.meta.url, {
  title: 'An operation may complete despite a cancel: the cancel succeeds and the result stands',
  strength: 'MUST',
  quote: 'The server makes a best effort to cancel the operation, but success is not guaranteed.',
  sources: seedSources(),
  services: 'all',
});

conformanceTest(
  clause,
  'a cancel of an operation that completes anyway succeeds, and GetOperation shows one legal end',
  async (t) => {
    const name = await t.createOperation('completes-despite-cancel');
    await t.cancelAccepted(name);
    const operation = await t.pollUntilDone(name);
    const cancelled = operation.error?.code === 1 && operation.response === undefined;
    const completed = operation.error === undefined && operation.response !== undefined;
    if (!cancelled && !completed) {
      t.fail(
        `${name} ended neither completed (response) nor cancelled (error.code 1): ${JSON.stringify(operation)}`,
      );
    }
  },
);
