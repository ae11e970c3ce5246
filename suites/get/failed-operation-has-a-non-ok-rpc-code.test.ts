import { conformanceTest, defineClause, protoSource } from '#harness';

const clause = defineClause(import.meta.url, {
  title: "A failed operation's error.code is a non-zero google.rpc.Code, never an HTTP status",
  strength: 'SHOULD',
  quote: 'The status code, which should be an enum value of google.rpc.Code.',
  sources: [
    protoSource('google/rpc/status.proto'),
    protoSource('google/rpc/code.proto'),
    protoSource('google/longrunning/operations.proto'),
  ],
  services: 'all',
  requires: 'control',
  calls: ['get'],
  method:
    'Creates an operation that failed and reads its `error.code`: an integer 1..16. An omitted code is 0 in proto3 JSON, which code.proto calls OK, "not an error".',
  meanings: {
    FAIL: "The failed operation's error.code is absent, 0 (OK), or not a google.rpc.Code (an HTTP status such as 500 or 404).",
  },
  derivation:
    'operations.proto: `error` is "The error result of the operation in case of failure or cancellation", a google.rpc.Status, whose code "should be an enum value of google.rpc.Code"; code.proto says OK (0) is "Not an error".',
});

conformanceTest(
  clause,
  "the failed operation's error carries a non-OK google.rpc.Code",
  async (t) => {
    const name = await t.createOperation('failed');
    const operation = await t.getOperation(name);
    if (operation.error === undefined) t.fail(`the failed operation ${name} carries no error`);
    const code = operation.error?.code ?? 0;
    if (code === 0) {
      t.fail(
        `the failed operation ${name} has error.code absent or 0 (OK), which is not an error`,
        {
          rootCause: 'failed-operation-code-ok',
        },
      );
    }
    if (!Number.isInteger(code) || code < 1 || code > 16) {
      t.fail(`the failed operation ${name} has error.code ${code}, not a google.rpc.Code (1..16)`, {
        rootCause: 'failed-operation-code-not-rpc',
      });
    }
  },
);
