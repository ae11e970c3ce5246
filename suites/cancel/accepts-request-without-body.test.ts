import { conformanceTest, defineClause, seedSources } from '#harness';

const clause = defineClause(import.meta.url, {
  title: 'Cancel accepts a request with no body',
  strength: 'MUST',
  quote: 'The request body must be empty.',
  sources: seedSources(),
  services: 'all',
  requires: 'control',
  calls: ['cancel'],
  method:
    'Creates a running operation and cancels it with no request body at all, as the googleapis Discovery clients do.',
  meanings: {
    FAIL: 'The cancel was refused, or it answered 501 although the service accepted other cancels in the run.',
    NOT_APPLICABLE: 'The service does not support cancel (501 to every cancel of the run).',
  },
});

conformanceTest(clause, 'a cancel with no body at all is accepted', async (t) => {
  const name = await t.createOperation('running');
  await t.cancelAccepted(name);
});
