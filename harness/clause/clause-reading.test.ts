/**
 * Reading, polling and the settle re-read (clause-reading.ts) on the embedded reference, whose
 * ManualClock makes every wait free.
 */
import { describe, expect, it } from 'vitest';
import { DEADLINE_MS, rejection, setup } from './fixtures/reference-clause-run.ts';
import { ConformanceFailure, OutcomeSignal } from './outcome-signal.ts';

describe('the reading capability', () => {
  it('polls an operation that completes despite the cancel to its response', async () => {
    const { context } = setup('datafusion', { cancelMode: 'completes-despite-cancel' });
    const name = await context.createOperation('running');
    await context.cancelAccepted(name);
    const operation = await context.pollUntilDone(name);
    expect(operation.done).toBe(true);
    expect(operation.response).toBeDefined();
  });

  it('is INCONCLUSIVE when the operation still runs at the deadline, on the target clock only', async () => {
    const { context, target } = setup('admanager');
    const name = await context.createOperation('running');
    const start = target.clock.now();
    const error = await rejection(context.pollUntilDone(name));
    expect(error).toBeInstanceOf(OutcomeSignal);
    expect(error).toMatchObject({ outcome: 'INCONCLUSIVE' });
    expect((error as Error).message).toContain(`${name} was still running ${DEADLINE_MS} ms`);
    expect(target.clock.now() - start).toBe(DEADLINE_MS);
  });

  it('fails getOperation on a name the target does not know', async () => {
    const { context } = setup('checks');
    const error = await rejection(context.getOperation(await context.nonexistentName()));
    expect(error).toBeInstanceOf(ConformanceFailure);
    expect((error as Error).message).toMatch(/answered 404, expected 200/);
  });

  it('fails a read that shows a done operation running again, or gone', async () => {
    const { context, answers } = setup('checks');
    const name = await context.createOperation('done');
    await context.getOperation(name);
    const original = answers.fetch;
    let answer: 'running' | 'gone' = 'running';
    answers.fetch = async (request: Request) =>
      request.method === 'GET'
        ? answer === 'running'
          ? Response.json({ name, done: false })
          : Response.json(
              { error: { code: 404, message: 'gone', status: 'NOT_FOUND' } },
              { status: 404 },
            )
        : original(request);
    const flipped = await rejection(context.getOperation(name));
    expect((flipped as Error).message).toMatch(
      /was done, a response at read 1, but read 2 shows it running/,
    );
    answer = 'gone';
    const gone = await rejection(context.getOperation(name));
    expect((gone as Error).message).toMatch(/answers HTTP 404: the operation disappeared/);
  });

  it('settles: waits on the target clock, then reads every done operation again', async () => {
    const { context, run, target } = setup('checks');
    const name = await context.createOperation('done');
    await context.getOperation(name);
    const before = target.clock.now();
    const reads = context.exchanges.length;
    await run.settle(5_000);
    expect(target.clock.now() - before).toBe(5_000);
    expect(context.exchanges.length).toBe(reads + 1);
  });

  it('reads an Operation as proto3 JSON: nulls unset, unknown fields a warning', async () => {
    const { context, answers } = setup('checks');
    const name = await context.createOperation('running');
    answers.fetch = async () => Response.json({ name, done: null, error: null, selfLink: 'x' });
    const operation = await context.getOperation(name);
    expect(operation).toEqual({ name, selfLink: 'x' });
    expect(context.warnings).toEqual([expect.stringContaining('selfLink')]);
  });
});
