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
  'a repeated cancel succeeds and the operation reads back unchanged',
  async (t) => {
    const name = await t.createOperation('running');
    await t.cancelAccepted(name);
    const first = await t.pollUntilDone(name);
    const again = await t.client.cancel(name);
    if (again.status < 200 || again.status > 299) {
      t.fail(`a second cancel of ${name} answered ${again.status}: ${again.text.slice(0, 300)}`);
    }
    const second = await t.getOperation(name);
    if (JSON.stringify(second) !== JSON.stringify(first)) {
      t.fail(
        `a second cancel changed ${name}: ${JSON.stringify(first)} became ${JSON.stringify(second)}`,
      );
    }
  },
);
