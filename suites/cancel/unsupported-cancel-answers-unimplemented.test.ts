import {
  conformanceTest,
  defineClause,
  describeOperation,
  protoSource,
  seedSources,
} from '#harness';

const clause = defineClause(import.meta.url, {
  title: 'A server that does not support cancel answers 501 UNIMPLEMENTED',
  strength: 'MUST',
  quote: "If the server doesn't support this method, it returns google.rpc.Code.UNIMPLEMENTED.",
  sources: [...seedSources(), protoSource('google/rpc/code.proto')],
  services: 'all',
  requires: 'control',
  calls: ['cancel', 'get'],
  method:
    'Cancels a running operation; when the target does not accept it, checks that the answer is HTTP 501 with an UNIMPLEMENTED envelope and that GetOperation still shows the operation running.',
  meanings: {
    FAIL: 'A cancel the target does not accept is answered with something other than 501 UNIMPLEMENTED, or the operation was cancelled anyway.',
    NOT_APPLICABLE: 'The target supports cancel.',
  },
  expectedError: { httpStatus: 501, status: 'UNIMPLEMENTED' },
});

// UNIMPLEMENTED is "not implemented or is not supported/enabled in this service"
// (google/rpc/code.proto): a server that says so has not cancelled anything.
conformanceTest(
  clause,
  'a cancel the server does not carry out answers an UNIMPLEMENTED envelope and changes nothing',
  async (t) => {
    const name = await t.createOperation('running');
    const cancel = await t.requestCancel(name);
    if (cancel.kind === 'accepted') t.notApplicable('this target supports cancel');
    t.expectDeclaredError(cancel.result);
    const operation = await t.getOperation(name);
    if (operation.done === true) {
      t.fail(
        `cancel of ${name} answered 501 UNIMPLEMENTED, yet the operation is now ${describeOperation(operation)}`,
        {
          rootCause: 'unimplemented-but-cancelled',
        },
      );
    }
  },
);
