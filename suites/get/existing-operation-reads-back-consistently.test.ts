import { conformanceTest, defineClause, protoSource } from '#harness';

const clause = defineClause(import.meta.url, {
  title:
    'GetOperation of an existing operation answers a valid Operation under the name asked, and once done it stays done',
  strength: 'SHOULD',
  quote:
    'If the value is `false`, it means the operation is still in progress. If `true`, the operation is completed, and either `error` or `response` is available.',
  sources: [
    protoSource('google/longrunning/operations.proto'),
    {
      kind: 'discovery',
      ref: 'datafusion.v1.rev20260202.json',
      title: 'Cloud Data Fusion API v1 Discovery document: schema Operation, field done',
    },
  ],
  services: 'all',
  requires: 'operation',
  calls: ['get'],
  method:
    'Reads the operation the run names (`--operation`; or a done one made through the control endpoint) with GetOperation and checks it against google.longrunning.Operation and its name against the name asked; when it is done, reads it again after the settle time. Nothing that could change the operation is sent.',
  meanings: {
    FAIL: 'GetOperation did not answer a valid Operation, answered another name, or a done operation read back running, with another result, or not at all after the settle time.',
  },
  derivation:
    'operations.proto: GetOperation "Gets the latest state of a long-running operation"; the `done` field says a done operation "is completed", so a later read of it cannot show it running again or with another result; `name` is the server-assigned name the client asks for.',
});

conformanceTest(
  clause,
  'the operation reads back as a valid Operation under its own name, and stays done',
  async (t) => {
    // Every read checks the Operation and its name (the harness's rule for all clauses); a done
    // one is read again after the settle time.
    await t.getOperation(await t.operationToRead());
  },
);
