import {
  conformanceTest,
  defineClause,
  describeOperation,
  operationState,
  seedSources,
} from '#harness';

const clause = defineClause(import.meta.url, {
  title: 'An operation may complete despite a cancel: the cancel succeeds and the result stands',
  strength: 'MUST',
  quote: 'The server makes a best effort to cancel the operation, but success is not guaranteed.',
  sources: seedSources(),
  services: 'all',
  requires: 'control',
  calls: ['cancel', 'get'],
  method:
    'Cancels an operation the target completes anyway, then polls GetOperation until it is done.',
  meanings: {
    FAIL: 'The cancel was refused, or the operation ended neither completed nor cancelled.',
    NOT_APPLICABLE: 'The service does not support cancel.',
    INCONCLUSIVE: 'The operation was still running at the deadline.',
  },
});

conformanceTest(
  clause,
  'a cancel of an operation that completes anyway is accepted, and GetOperation shows one legal end',
  async (t) => {
    const { name, operation } = await t.cancelAndWait({ scenario: 'completes-despite-cancel' });
    const outcome = operationState(operation);
    if (outcome !== 'completed' && outcome !== 'cancelled') {
      t.fail(
        `${name} ended ${describeOperation(operation)}: neither completed (a response) nor cancelled (error.code 1)`,
      );
    }
  },
);
