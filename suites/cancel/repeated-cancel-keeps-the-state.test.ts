import { aipSource, conformanceTest, defineClause, seedSources } from '#harness';

const clause = defineClause(import.meta.url, {
  title: 'A second cancel of a cancelled operation keeps its state',
  strength: 'SHOULD',
  quote: 'On successful cancellation, the operation is not deleted',
  sources: [...seedSources(), aipSource(151)],
  services: 'all',
  requires: 'control',
  method:
    'Cancels a running operation, waits until it is done, cancels it again and compares GetOperation before and after the second cancel.',
  meanings: {
    FAIL: 'The second cancel was refused or changed the operation.',
    NOT_APPLICABLE: 'The service does not support cancel.',
    INCONCLUSIVE: 'The operation was still running at the deadline.',
  },
  derivation:
    'Not stated as such: a cancelled operation "is not deleted" (the seeds) and cancel is idempotent in effect (AIP-151 long-running operations), so a second cancel has nothing to change.',
});

conformanceTest(
  clause,
  'a repeated cancel is accepted and the operation reads back unchanged',
  async (t) => {
    const { name } = await t.cancelAndWait();
    const again = await t.requestCancel(name);
    if (again.kind !== 'accepted') {
      t.fail(
        `a second cancel of ${name} answered ${again.result.status}: ${again.result.text.slice(0, 300)}`,
      );
    }
    // The harness fails the read if the done operation's state or result changed.
    await t.getOperation(name);
  },
);
