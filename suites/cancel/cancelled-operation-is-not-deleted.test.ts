import { conformanceTest, defineClause, seedSources } from '#harness';

const clause = defineClause(import.meta.url, {
  title: 'A cancelled operation is not deleted: GetOperation still finds it',
  strength: 'MUST',
  quote: 'On successful cancellation, the operation is not deleted',
  sources: seedSources(),
  services: 'all',
  requires: 'cancellable-operation',
  method:
    'Cancels a running operation and reads it with GetOperation right after the cancel, once it is done, and again after the settle time.',
  meanings: {
    FAIL: 'GetOperation no longer finds the operation (or answers another name) after the cancel.',
    NOT_APPLICABLE: 'The service does not support cancel.',
    INCONCLUSIVE: 'The operation was still running at the deadline.',
  },
});

conformanceTest(
  clause,
  'GetOperation finds the operation after cancel and after it is done',
  async (t) => {
    const name = await t.createOperation('running');
    await t.cancelAccepted(name);
    await t.getOperation(name);
    const done = await t.pollUntilDone(name);
    if (done.name !== name) t.fail(`GetOperation ${name} answered an operation named ${done.name}`);
  },
);
