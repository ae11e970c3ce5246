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
    'Creates a running operation and cancels it with no request body at all, as the googleapis Discovery clients do; then polls GetOperation until the cancel shows (every accepted cancel is followed through).',
  meanings: {
    FAIL: 'The cancel was refused, it answered 501 although the service accepted other cancels in the run, or the operation ended neither cancelled nor completed.',
    NOT_APPLICABLE: 'The service does not support cancel (501 to every cancel of the run).',
    INCONCLUSIVE: 'The accepted cancel had not shown through GetOperation by the deadline.',
  },
});

conformanceTest(clause, 'a cancel with no body at all is accepted', async (t) => {
  const name = await t.createOperation('running');
  await t.cancelAccepted(name);
});
