import { aipSource, conformanceTest, defineClause, seedSources } from '#harness';

const clause = defineClause(import.meta.url, {
  title:
    'A second cancel of a cancelled operation is accepted or refused as FAILED_PRECONDITION, and keeps its state',
  strength: 'SHOULD',
  quote: 'On successful cancellation, the operation is not deleted',
  sources: [...seedSources(), aipSource(193)],
  services: 'all',
  requires: 'control',
  calls: ['cancel', 'get'],
  method:
    'Cancels a running operation, waits until it is done, cancels it again and reads it back: the second cancel answers 2xx or 400 FAILED_PRECONDITION, and the operation is unchanged.',
  meanings: {
    FAIL: 'The second cancel was answered with another error (a 5xx, 404, …), or it changed the operation.',
    NOT_APPLICABLE: 'The service does not support cancel.',
    INCONCLUSIVE: 'The operation was still running at the deadline.',
  },
  derivation:
    'The pages do not say what a second cancel answers; a cancelled operation "is not deleted", so it is still there to answer about, and a request the resource\'s state forbids is FAILED_PRECONDITION in the google.rpc.Code table (google/rpc/code.proto, AIP-193). Either way the operation stays as it was.',
  expectedError: { httpStatus: 400, status: 'FAILED_PRECONDITION' },
});

conformanceTest(
  clause,
  'a repeated cancel is accepted or refused as FAILED_PRECONDITION, and the operation reads back unchanged',
  async (t) => {
    const { name } = await t.cancelAndWait();
    const again = await t.requestCancel(name);
    if (again.kind !== 'accepted') t.expectDeclaredError(again.result);
    // The harness fails the read if the done operation's state or result changed.
    await t.getOperation(name);
  },
);
