import { conformanceTest, defineClause } from '#harness';

const clause = defineClause(import.meta.url, {
  title:
    'Cancel tolerates the two-byte body `""` that google-gax sends for bindings without a body',
  strength: 'SHOULD',
  quote:
    'google-gax (REST fallback) sends the two-byte body "" when the HTTP rule has no body; a server should tolerate it.',
  sources: [{ kind: 'client', ref: 'https://github.com/googleapis/gax-nodejs' }],
  services: 'all',
  requires: 'control',
  calls: ['cancel-body'],
  method:
    'Creates a running operation and cancels it with the two-byte body `""`, which google-gax\'s REST transport sends for bindings without a body.',
  meanings: {
    FAIL: 'The cancel was refused, or it answered 501 although the service accepted other cancels in the run.',
    NOT_APPLICABLE: 'The service does not support cancel (501 to every cancel of the run).',
  },
});

conformanceTest(clause, 'a cancel whose body is "" is accepted', async (t) => {
  const name = await t.createOperation('running');
  await t.cancelAccepted(name, { body: '' });
});
