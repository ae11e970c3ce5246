import { aipSource, conformanceTest, defineClause, protoSource, seedSources } from '#harness';

const clause = defineClause(import.meta.url, {
  title:
    'A cancel of a completed operation is accepted or refused as FAILED_PRECONDITION, and leaves it as it was',
  strength: 'SHOULD',
  quote:
    'Clients can use Operations.GetOperation or other methods to check whether the cancellation succeeded or whether the operation completed despite cancellation.',
  sources: [
    ...seedSources(),
    protoSource('google/longrunning/operations.proto'),
    protoSource('google/rpc/code.proto'),
    aipSource(193),
  ],
  services: 'all',
  requires: 'control',
  calls: ['cancel', 'get'],
  method:
    'Cancels operations that already completed (with a response, and with an error): the cancel answers 2xx or 400 FAILED_PRECONDITION (501 where the service does not support cancel), and GetOperation before the cancel, right after it and after the settle time shows the same operation.',
  meanings: {
    FAIL: 'The cancel was answered otherwise (a 5xx; a 404 for an operation GetOperation still finds), or it changed a completed operation, at once or later.',
    NOT_APPLICABLE: 'The service does not support cancel.',
  },
  derivation:
    'Cancellation can only succeed or leave the operation to complete; an operation that has already completed has nothing left to cancel (the seeds\' "whether the operation completed despite cancellation", and google/longrunning/operations.proto\'s `done` semantics). The pages do not say what such a cancel answers: 2xx (nothing to do), or FAILED_PRECONDITION, which google/rpc/code.proto gives a request the state of the system forbids (AIP-193); the operation exists, so NOT_FOUND is wrong, and a 5xx is a server error.',
  expectedError: { httpStatus: 400, status: 'FAILED_PRECONDITION' },
});

// The operation is read done before the cancel: every later read, right after the cancel and
// after the settle time, must show the same result, or the harness fails the test.
conformanceTest(
  clause,
  'a cancel of a done operation is accepted or refused as FAILED_PRECONDITION, and it reads back the same',
  async (t) => {
    for (const scenario of ['done', 'failed'] as const) {
      const name = await t.createOperation(scenario);
      const before = await t.getOperation(name);
      if (before.done !== true) t.fail(`a ${scenario} operation ${name} reads back not done`);
      const cancel = await t.requestCancel(name);
      if (cancel.kind === 'unimplemented') {
        t.notApplicable('cancel is UNIMPLEMENTED on this target');
      }
      if (cancel.kind === 'refused') t.expectDeclaredError(cancel.result);
      await t.getOperation(name);
    }
  },
);
