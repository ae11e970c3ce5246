import { conformanceTest, defineClause, protoSource, seedSources } from '#harness';

const clause = defineClause(import.meta.url, {
  title: 'Cancelling a completed operation leaves it as it was',
  strength: 'SHOULD',
  quote:
    'Clients can use Operations.GetOperation or other methods to check whether the cancellation succeeded or whether the operation completed despite cancellation.',
  sources: [...seedSources(), protoSource('google/longrunning/operations.proto')],
  services: 'all',
  requires: 'control',
  calls: ['cancel', 'get'],
  method:
    'Cancels operations that already completed (with a response, and with an error) and compares GetOperation before the cancel, right after it and after the settle time.',
  meanings: {
    FAIL: 'The cancel changed a completed operation, at once or later.',
    NOT_APPLICABLE: 'The service does not support cancel.',
  },
  derivation:
    'Cancellation can only succeed or leave the operation to complete; an operation that has already completed has nothing left to cancel (the seeds\' "whether the operation completed despite cancellation", and google/longrunning/operations.proto\'s `done` semantics).',
});

// The operation is read done before the cancel: every later read, right after the cancel and
// after the settle time, must show the same result, or the harness fails the test.
conformanceTest(clause, 'a done operation reads back the same after a cancel', async (t) => {
  for (const scenario of ['done', 'failed'] as const) {
    const name = await t.createOperation(scenario);
    const before = await t.getOperation(name);
    if (before.done !== true) t.fail(`a ${scenario} operation ${name} reads back not done`);
    const cancel = await t.requestCancel(name);
    if (cancel.kind === 'unimplemented') t.notApplicable('cancel is UNIMPLEMENTED on this target');
    await t.getOperation(name);
  }
});
