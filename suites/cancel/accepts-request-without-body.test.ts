import { conformanceTest, defineClause, seedSources } from '#harness';

const clause = defineClause(import.meta.url, {
  title: 'Cancel accepts a request with no body',
  strength: 'MUST',
  quote: 'The request body must be empty.',
  sources: seedSources(),
  services: 'all',
});

conformanceTest(clause, 'a cancel with no body at all succeeds', async (t) => {
  const name = await t.createOperation('running');
  await t.cancelAccepted(name);
});
