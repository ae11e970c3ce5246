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
  const result = await t.client.cancel(name, { body: {} });
  if (result.status === 501) t.notApplicable('cancel is UNIMPLEMENTED on this target');
  if (result.status < 200 || result.status > 299) {
    t.fail(`cancel with body {} answered ${result.status}: ${result.text.slice(0, 300)}`);
  }
});
