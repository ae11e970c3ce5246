import { conformanceTest, defineClause, protoSource } from '#harness';

const clause = defineClause(import.meta.url, {
  title:
    'GetOperation answers a well-formed Operation: its own name, no result while running, at most one when done',
  strength: 'SHOULD',
  quote:
    'If done == false, neither error nor response is set. If done == true, exactly one of error or response can be set. Some services might not provide the result.',
  sources: [
    protoSource('google/longrunning/operations.proto'),
    {
      kind: 'discovery',
      ref: 'datafusion.v1.rev20260202.json',
      title: 'Cloud Data Fusion API v1 Discovery document: schema Operation, field done',
      quote:
        'If the value is `false`, it means the operation is still in progress. If `true`, the operation is completed, and either `error` or `response` is available.',
    },
  ],
  services: 'all',
  requires: 'control',
  calls: ['get'],
  method:
    'Creates running, completed and failed operations, reads each with GetOperation and checks it against google.longrunning.Operation, reading it as proto3 JSON: null is unset, an absent `done` is false, unknown fields are ignored with a warning.',
  meanings: {
    FAIL: "An Operation is malformed: it answers another name, a running one carries a result, a done one carries both, `done` does not match the operation's state, its error code is not a non-zero google.rpc.Code, or a field has the wrong type.",
  },
});

conformanceTest(
  clause,
  'running, done and failed operations read back as valid Operations',
  async (t) => {
    const expectations = { running: false, done: true, failed: true } as const;
    for (const [scenario, done] of Object.entries(expectations)) {
      const name = await t.createOperation(scenario as keyof typeof expectations);
      // The read itself checks the Operation and its name (a rule for every clause's reads).
      const operation = await t.getOperation(name);
      if ((operation.done ?? false) !== done) {
        t.fail(
          `a ${scenario} operation ${name} reads back with done ${String(operation.done)}, expected ${done}`,
        );
      }
    }
  },
);
