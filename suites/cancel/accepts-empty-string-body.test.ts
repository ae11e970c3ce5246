import { conformanceTest, defineClause, servicesWhere } from '#harness';

// google-gax sends `""` only where the HTTP rule has no body; with `body: "*"` it sends the
// request message (`{}`), and a strict server may refuse `""` there with 400.
const services = servicesWhere((profile) => profile.cancel.body === 'none');

const clause = defineClause(import.meta.url, {
  title:
    'Cancel tolerates the two-byte body `""` that google-gax sends for bindings without a body',
  strength: 'SHOULD',
  quote:
    'google-gax (REST fallback) sends the two-byte body "" when the HTTP rule has no body; a server should tolerate it.',
  sources: [{ kind: 'client', ref: 'https://github.com/googleapis/gax-nodejs' }],
  services,
  requires: 'control',
  calls: ['cancel-body'],
  method:
    'Where the cancel binding has no body, creates a running operation and cancels it with the two-byte body `""`, which google-gax\'s REST transport sends for such bindings; then polls GetOperation until the cancel shows (every accepted cancel is followed through).',
  meanings: {
    FAIL: 'The cancel was refused, it answered 501 although the service accepted other cancels in the run, or the operation ended neither cancelled nor completed.',
    NOT_APPLICABLE:
      'The binding reads a body (`body: "*"`), for which google-gax sends `{}`; or the service does not support cancel (501 to every cancel of the run).',
    INCONCLUSIVE:
      'The accepted cancel had not shown through GetOperation by the deadline: best effort, so this proves nothing either way.',
  },
});

conformanceTest(clause, 'a cancel whose body is "" is accepted', async (t) => {
  const name = await t.createOperation('running');
  await t.cancelAccepted(name, { body: '' });
});
