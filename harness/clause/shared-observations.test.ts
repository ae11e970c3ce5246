/**
 * What the tests of one run share on a target with a run memo (live and replay runs): the one
 * cancel of an `--allow-cancel` operation, judged by every clause that needs it, and each probe
 * request sent once. Against the embedded reference in-process, with a counting fetch.
 */
import { describe, expect, it } from 'vitest';
import { isLroError } from '#base';
import { type ServiceProfile, serviceProfile } from '#specs';
import { createEmbeddedTarget } from '../targets/embedded-target.ts';
import { createRunMemo } from '../targets/run-memo.ts';
import type { Target } from '../targets/target.ts';
import { type ClauseContextOptions, createClauseRun } from './clause-context.ts';
import { OutcomeSignal } from './outcome-signal.ts';

function profile(id: string): ServiceProfile {
  const found = serviceProfile(id);
  if (!found) throw new Error(`no service profile "${id}"`);
  return found;
}

/** A reference target shared by every test of a "run", counting what it is sent. */
function sharedTarget(cancelMode: 'honor' | 'unimplemented' = 'honor') {
  const embedded = createEmbeddedTarget({ kind: 'embedded', cancelMode, cancelDelayMs: 0 });
  const sent: string[] = [];
  const target: Target = {
    ...embedded,
    fetch: async (request) => {
      sent.push(`${request.method} ${new URL(request.url).pathname}`);
      return embedded.fetch(request);
    },
    memo: createRunMemo(),
    shareProbes: true,
  };
  return { target, sent, embedded };
}

async function running(embedded: Target, serviceId: string): Promise<string> {
  if (!embedded.control) throw new Error('no control');
  return embedded.control.createOperation(serviceId, 'running', embedded.fetch);
}

function clauseRun(target: Target, extra: Partial<ClauseContextOptions> = {}) {
  return createClauseRun({
    service: profile('checks'),
    target,
    deadlineMs: 30_000,
    settleMs: 1_000,
    requires: 'cancellable-operation',
    probeSeed: 'seed0001',
    ...extra,
  });
}

describe('the cancel of an --allow-cancel operation', () => {
  it('is sent once, with no body, however many clauses judge it; each adopts its evidence', async () => {
    const { target, sent, embedded } = sharedTarget();
    const name = await running(embedded, 'checks');
    const runs = Array.from({ length: 4 }, () => clauseRun(target, { cancellable: name }));
    const [first, second, third, fourth] = runs;
    if (!first || !second || !third || !fourth) throw new Error('four runs');
    const observed = await Promise.all([
      first.context.cancelAndWait(),
      second.context.acceptedCancel(),
      third.context.cancelAndWait(),
      fourth.context.acceptedCancel().then(() => fourth.context.cancelAndWait()),
    ]);
    expect(sent.filter((line) => line.startsWith('POST'))).toEqual([
      `POST /v1alpha/${name}:cancel`,
    ]);
    expect(observed.map((o) => o.name)).toEqual([name, name, name, name]);
    expect(observed[0]).toMatchObject({
      answer: { status: 200 },
      afterCancel: { name },
      operation: { name, done: true, error: { code: 1 } },
    });
    // The cancel, the read after it (done already), the read again at once, the settle read.
    expect(first.context.exchanges.map((e) => e.request.method)).toEqual([
      'POST',
      'GET',
      'GET',
      'GET',
    ]);
    expect(fourth.context.exchanges).toEqual(first.context.exchanges);
    expect(second.context.exchanges).toHaveLength(1);
    expect(first.context.exchanges[0]?.request.body).toBeUndefined();
    for (const run of runs) expect(run.cancelSupport()).toBe('supported');
  });

  it('ends every clause that judges it the same way: NOT_APPLICABLE when cancel is UNIMPLEMENTED', async () => {
    const { target, sent, embedded } = sharedTarget('unimplemented');
    const name = await running(embedded, 'checks');
    const outcomes = await Promise.all(
      [1, 2, 3].map(() =>
        clauseRun(target, { cancellable: name })
          .context.cancelAndWait()
          .catch((error: unknown) => error),
      ),
    );
    for (const outcome of outcomes) {
      expect(outcome).toBeInstanceOf(OutcomeSignal);
      expect(outcome).toMatchObject({ outcome: 'NOT_APPLICABLE' });
    }
    expect(sent.filter((line) => line.startsWith('POST'))).toHaveLength(1);
  });

  it('is never cancelled again: a second cancel of a named operation is refused as ERROR', async () => {
    const { target, sent, embedded } = sharedTarget();
    const name = await running(embedded, 'checks');
    const read = await running(embedded, 'checks');
    const context = clauseRun(target, { cancellable: name, operation: read }).context;
    for (const attempt of [
      () => context.requestCancel(name),
      () => context.client.cancel(read, { body: {} }),
      () => context.client.send('GET', name, 'cancel'),
      () => context.clientWithoutCredentials.cancel(name),
    ]) {
      const error = await attempt().catch((caught: unknown) => caught);
      expect(isLroError(error)).toBe(true);
      expect((error as Error).message).toMatch(
        /refused to send a second request that could change/,
      );
    }
    expect(sent).toEqual([]);
    expect(await context.operationToRead()).toBe(read);
  });

  it('is used only by clauses that need a cancellable operation: others make their own', async () => {
    const { target, sent, embedded } = sharedTarget();
    const name = await running(embedded, 'checks');
    const own = clauseRun(target, { cancellable: name, requires: 'control' });
    const observed = await own.context.cancelAndWait();
    expect(observed.name).not.toBe(name);
    expect(sent.some((line) => line.includes(name))).toBe(false);
  });
});

describe('probes on a target that shares them', () => {
  it('sends each distinct probe once; every clause gets the answer and its exchange', async () => {
    const { target, sent } = sharedTarget();
    const runs = [1, 2, 3].map(() => clauseRun(target, { parent: 'accounts/a/apps/b' }));
    for (const run of runs) {
      const name = await run.context.nonexistentName();
      expect(name).toBe('accounts/a/apps/b/operations/lro-conformance-absent-seed0001');
      expect((await run.context.client.get(name)).status).toBe(404);
      expect((await run.context.requestCancel(name)).result.status).toBe(404);
      const [malformed] = run.context.malformedNames();
      if (malformed !== undefined) await run.context.client.get(malformed);
      expect(run.context.exchanges).toHaveLength(3);
    }
    expect(sent).toHaveLength(3);
    expect(runs[2]?.context.exchanges).toEqual(runs[0]?.context.exchanges);
  });

  it('keeps the request without credentials apart from the one with them', async () => {
    const { target, sent } = sharedTarget();
    const authorized: Target = {
      ...target,
      authorize: async (request) => {
        const headers = new Headers(request.headers);
        headers.set('authorization', 'Bearer probe-sharing-token');
        return new Request(request, { headers });
      },
    };
    const run = clauseRun(authorized, { parent: 'accounts/a/apps/b' });
    const name = await run.context.nonexistentName();
    await run.context.client.get(name);
    await run.context.clientWithoutCredentials.get(name);
    const other = clauseRun(authorized, { parent: 'accounts/a/apps/b' }).context;
    await other.clientWithoutCredentials.get(await other.nonexistentName());
    expect(sent).toHaveLength(2);
    const [withCredentials, without] = run.context.exchanges;
    expect(withCredentials?.request.headers.authorization).toBe('Bearer [REDACTED]');
    expect(without?.request.headers.authorization).toBeUndefined();
  });

  it('does not share an operation that exists: reads of it are sent every time', async () => {
    const { target, sent, embedded } = sharedTarget();
    const name = await running(embedded, 'checks');
    for (const run of [clauseRun(target), clauseRun(target)]) await run.context.getOperation(name);
    expect(sent).toHaveLength(2);
  });
});
