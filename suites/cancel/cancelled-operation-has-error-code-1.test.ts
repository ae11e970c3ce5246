import {
  conformanceTest,
  defineClause,
  describeOperation,
  operationState,
  protoSource,
  seedSources,
} from '#harness';

const clause = defineClause(import.meta.url, {
  title: 'A cancelled operation is done with error.code 1 (CANCELLED) and no response',
  strength: 'MUST',
  quote:
    'it becomes an operation with an Operation.error value with a google.rpc.Status.code of 1, corresponding to Code.CANCELLED.',
  sources: [...seedSources(), protoSource('google/longrunning/operations.proto')],
  services: 'all',
  requires: 'cancellable-operation',
  calls: ['cancel', 'get'],
  method:
    'Cancels a running operation (or the one `--allow-cancel` names), polls GetOperation until it is done, and checks the error code and that no response is set, again after the settle time.',
  meanings: {
    FAIL: "The cancelled operation's error.code is not 1, it also carries a response, or it changed after it was seen cancelled.",
    NOT_APPLICABLE:
      'The service does not support cancel, or the operation legally completed despite the cancel.',
    INCONCLUSIVE: 'The operation was still running at the deadline.',
  },
});

conformanceTest(
  clause,
  'the cancelled operation reads back done, error.code 1, no response',
  async (t) => {
    const { name, operation } = await t.cancelAndWait();
    if (operationState(operation) === 'completed') {
      t.notApplicable(
        'the operation completed despite the cancel (legal): there is no cancelled operation to inspect',
      );
    }
    if (operation.error?.code !== 1) {
      t.fail(
        `cancelled operation ${name} is ${describeOperation(operation)}, expected error.code 1 (CANCELLED)`,
      );
    }
    if (operation.response !== undefined) {
      t.fail(`cancelled operation ${name} also carries a response`);
    }
  },
);
