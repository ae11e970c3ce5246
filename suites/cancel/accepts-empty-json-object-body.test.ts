import { conformanceTest, defineClause, protoSource, seedSources } from '#harness';

const clause = defineClause(import.meta.url, {
  title: 'Cancel accepts the empty JSON object `{}` as its body',
  strength: 'MUST',
  quote: 'The request body must be empty.',
  sources: [...seedSources(), protoSource('google/longrunning/operations.proto')],
  services: 'all',
});

// `{}` is the JSON form of an empty CancelOperationRequest; google-gax sends it when the
// binding has `body: "*"` (LRO-FACTS §5).
conformanceTest(clause, 'a cancel whose body is {} succeeds', async (t) => {
  const name = await t.createOperation('running');
  await t.cancelAccepted(name, { body: {} });
});
