import {
  conformanceTest,
  defineClause,
  describeOperation,
  operationState,
  seedSources,
} from '#harness';

const clause = defineClause(import.meta.url, {
  title: 'The result of a cancel shows through GetOperation within the deadline',
  strength: 'MUST',
  quote:
    'Clients can use Operations.GetOperation or other methods to check whether the cancellation succeeded or whether the operation completed despite cancellation.',
  sources: seedSources(),
  services: 'all',
  requires: 'cancellable-operation',
  calls: ['cancel', 'get'],
  method:
    'Cancels a running operation (or the one `--allow-cancel` names), then polls GetOperation until it is done or the deadline passes, and reads it again after the settle time.',
  meanings: {
    FAIL: 'After the accepted cancel the operation ended neither cancelled (error.code 1) nor completed with a response, or its terminal state changed later.',
    NOT_APPLICABLE: 'The service does not support cancel.',
    INCONCLUSIVE:
      'The operation was still running at the deadline: cancellation is best effort, so this proves nothing either way.',
  },
});

// Best effort: an operation still running at the deadline is INCONCLUSIVE, never PASS.
conformanceTest(
  clause,
  'GetOperation shows the operation cancelled or completed after an accepted cancel',
  async (t) => {
    const { name, operation } = await t.cancelAndWait();
    const outcome = operationState(operation);
    if (outcome !== 'cancelled' && outcome !== 'completed') {
      t.fail(
        `after an accepted cancel, ${name} is ${describeOperation(operation)}: neither cancelled (error.code 1) nor completed with a response`,
      );
    }
  },
);
