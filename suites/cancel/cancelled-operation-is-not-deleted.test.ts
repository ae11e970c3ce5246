import { conformanceTest, defineClause, seedSources } from '#harness';

const clause = defineClause(import.meta.url, {
  title: 'A cancelled operation is not deleted: GetOperation still finds it',
  strength: 'MUST',
  quote: 'On successful cancellation, the operation is not deleted',
  sources: seedSources(),
  services: 'all',
  requires: 'cancellable-operation',
  calls: ['cancel', 'get'],
  method:
    'Cancels a running operation (or the one `--allow-cancel` names) and reads it with GetOperation right after the cancel, once it is done, and again after the settle time.',
  meanings: {
    FAIL: 'GetOperation no longer finds the operation (or answers another name) after the cancel.',
    NOT_APPLICABLE: 'The service does not support cancel.',
    INCONCLUSIVE: 'The operation was still running at the deadline.',
  },
});

// Every GetOperation after the operation is seen done, the settle re-read included, must find it
// unchanged: a cancelled operation deleted later is caught too.
conformanceTest(
  clause,
  'GetOperation finds the operation right after the cancel, once it is done, and later',
  async (t) => {
    const { name, afterCancel, operation } = await t.cancelAndWait();
    for (const read of [afterCancel, operation]) {
      if (read.name !== name)
        t.fail(`GetOperation ${name} answered an operation named ${read.name}`);
    }
  },
);
