import { conformanceTest, defineClause, protoSource, seedSources } from '#harness';

const clause = defineClause(import.meta.url, {
  title: 'A server that does not support cancel answers 501 UNIMPLEMENTED',
  strength: 'MUST',
  quote: "If the server doesn't support this method, it returns google.rpc.Code.UNIMPLEMENTED.",
  sources: [...seedSources(), protoSource('google/rpc/code.proto')],
  services: 'all',
  requires: 'control',
  method:
    'Cancels a running operation; when the target refuses, checks that the answer is HTTP 501 with an UNIMPLEMENTED envelope.',
  meanings: {
    FAIL: 'A cancel the target does not carry out is answered with something other than 501 UNIMPLEMENTED.',
    NOT_APPLICABLE: 'The target supports cancel.',
  },
  expectedError: { httpStatus: 501, status: 'UNIMPLEMENTED' },
});

conformanceTest(
  clause,
  'a cancel the server does not carry out answers an UNIMPLEMENTED envelope',
  async (t) => {
    const name = await t.createOperation('running');
    const cancel = await t.requestCancel(name);
    if (cancel.kind === 'accepted') t.notApplicable('this target supports cancel');
    t.expectDeclaredError(cancel.result);
  },
);
