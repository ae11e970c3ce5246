import { conformanceTest, defineClause, protoSource } from '#harness';

const clause = defineClause(import.meta.url, {
  title:
    'GetOperation answers a well-formed Operation: no result while running, at most one when done',
  strength: 'SHOULD',
  quote:
    'If the value is `false`, it means the operation is still in progress. If `true`, the operation is completed, and either `error` or `response` is available.',
  sources: [
    protoSource('google/longrunning/operations.proto'),
    { kind: 'discovery', ref: 'datafusion.v1.rev20260202.json' },
  ],
  services: 'all',
  requires: 'control',
  method: 'Creates running, completed and failed operations and reads each with GetOperation.',
  meanings: {
    FAIL: "An Operation is malformed: a running one carries a result, a done one carries both, `done` does not match the operation's state, or a field has the wrong type.",
  },
});

conformanceTest(
  clause,
  'running, done and failed operations read back as valid Operations',
  async (t) => {
    const expectations = { running: false, done: true, failed: true } as const;
    for (const [scenario, done] of Object.entries(expectations)) {
      const name = await t.createOperation(scenario as keyof typeof expectations);
      const operation = await t.getOperation(name);
      if ((operation.done ?? false) !== done) {
        t.fail(
          `a ${scenario} operation ${name} reads back with done ${String(operation.done)}, expected ${done}`,
        );
      }
    }
  },
);
