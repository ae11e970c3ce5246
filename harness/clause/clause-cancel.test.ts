/**
 * Cancels and what their answers mean (clause-cancel.ts), with the per-test cancel-support fact
 * (cancel-support-notes.ts), on the embedded reference.
 */
import { describe, expect, it } from 'vitest';
import { rejection, setup } from './fixtures/reference-clause-run.ts';
import { ConformanceFailure, OutcomeSignal } from './outcome-signal.ts';

describe('the cancel capability', () => {
  it('cancels a running operation and polls it to done with error code 1 (CANCELLED)', async () => {
    const { context } = setup('checks');
    const name = await context.createOperation('running');
    const cancel = await context.cancelAccepted(name);
    expect(cancel.status).toBe(200);
    const operation = await context.pollUntilDone(name);
    expect(operation).toMatchObject({ name, done: true, error: { code: 1 } });
  });

  it('makes the clause NOT_APPLICABLE when cancel answers UNIMPLEMENTED', async () => {
    const { context } = setup('dai', { cancelMode: 'unimplemented' });
    const name = await context.createOperation('running');
    const error = await rejection(context.cancelAccepted(name));
    expect(error).toBeInstanceOf(OutcomeSignal);
    expect(error).toMatchObject({ outcome: 'NOT_APPLICABLE' });
    expect((error as Error).message).toMatch(/^cancel answered 501 UNIMPLEMENTED/);
  });

  it('fails the clause when cancel of an operation answers another error', async () => {
    const { context } = setup('dai');
    const name = await context.nonexistentName();
    const error = await rejection(context.cancelAccepted(name));
    expect(error).toBeInstanceOf(ConformanceFailure);
    expect((error as Error).message).toContain(`the cancel of ${name} with no body answered 404`);
  });

  it('fails an accepted cancel that carries an error envelope', async () => {
    const { context, answers } = setup('checks');
    const name = await context.createOperation('running');
    answers.fetch = async () =>
      Response.json({ error: { code: 400, message: 'x', status: 'FAILED_PRECONDITION' } });
    const error = await rejection(context.cancelAccepted(name));
    expect((error as Error).message).toMatch(/answered 200 with an error envelope/);
  });

  it('says a service supports cancel once a cancel of one of its operations is accepted', async () => {
    const { context, run } = setup('checks');
    expect(run.cancelSupport()).toBeUndefined();
    await context.requestCancel(await context.nonexistentName());
    expect(run.cancelSupport()).toBeUndefined();
    await context.cancelAccepted(await context.createOperation('running'));
    expect(run.cancelSupport()).toBe('supported');
  });

  it('says a service does not support cancel when it answers 501', async () => {
    const { context, run } = setup('checks', { cancelMode: 'unimplemented' });
    await rejection(context.cancelAccepted(await context.createOperation('running')));
    expect(run.cancelSupport()).toBe('unsupported');
  });

  it('fails a test whose own cancels were accepted once and answered 501 once', async () => {
    const { context, answers } = setup('checks');
    const accepted = await context.createOperation('running');
    await context.requestCancel(accepted);
    const original = answers.fetch;
    answers.fetch = async (request: Request) =>
      request.url.endsWith(':cancel')
        ? new Response(
            JSON.stringify({ error: { code: 501, message: 'no', status: 'UNIMPLEMENTED' } }),
            { status: 501 },
          )
        : original(request);
    const error = await rejection(context.requestCancel(accepted));
    expect(error).toBeInstanceOf(ConformanceFailure);
    expect((error as Error).message).toMatch(/answered 2xx to .* but 501 UNIMPLEMENTED to/);
  });
});
