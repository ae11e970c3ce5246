/**
 * The clause context against the embedded reference (a mock target: in-process, ManualClock), so
 * every verdict helper is exercised on real answers without a socket or a real wait.
 */
import { describe, expect, it } from 'vitest';
import { type ServiceProfile, serviceIds, serviceProfile } from '#specs';
import { matchName, parseSegmentsTemplate } from '../../specs/path-template/index.ts';
import { CONTROL_PATH } from '../control/vocabulary.ts';
import { createMockTarget } from '../targets/mock-target.ts';
import type { Target, TargetConfig } from '../targets/target.ts';
import { createClauseRun } from './clause-context.ts';
import type { ExpectedError } from './define-clause.ts';
import type { HttpResult } from './lro-client.ts';
import { ConformanceFailure, OutcomeSignal } from './outcome-signal.ts';

type CancelMode = Extract<TargetConfig, { kind: 'mock' }>['cancelMode'];

const DEADLINE_MS = 30_000;
const NOT_FOUND: ExpectedError = { httpStatus: 404, status: 'NOT_FOUND' };

function profile(id: string): ServiceProfile {
  const found = serviceProfile(id);
  if (!found) throw new Error(`no service profile "${id}"`);
  return found;
}

function setup(
  serviceId: string,
  options: {
    cancelMode?: CancelMode;
    expectedError?: ExpectedError | readonly ExpectedError[];
  } = {},
) {
  const mock: Target = createMockTarget({
    kind: 'mock',
    cancelMode: options.cancelMode ?? 'honor',
    cancelDelayMs: 0,
  });
  // Tests may swap the target's answers after the context is made.
  const answers = { fetch: mock.fetch };
  const target = { ...mock, fetch: (request: Request) => answers.fetch(request) };
  const run = createClauseRun({
    service: profile(serviceId),
    target,
    deadlineMs: DEADLINE_MS,
    ...(options.expectedError ? { expectedError: options.expectedError } : {}),
  });
  return { target, answers, context: run.context, run };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

function answer(status: number, json: unknown): HttpResult {
  return {
    url: 'https://h.test/v1/x',
    status,
    headers: new Headers(),
    text: JSON.stringify(json) ?? '',
    json,
  };
}

describe('createClauseRun', () => {
  it('cancels a running operation and polls it to done with error code 1 (CANCELLED)', async () => {
    const { context } = setup('checks');
    const name = await context.createOperation('running');
    const cancel = await context.cancelAccepted(name);
    expect(cancel.status).toBe(200);
    const operation = await context.pollUntilDone(name);
    expect(operation).toMatchObject({ name, done: true, error: { code: 1 } });
  });

  it('polls an operation that completes despite the cancel to its response', async () => {
    const { context } = setup('datafusion', { cancelMode: 'complete-despite' });
    const name = await context.createOperation('running');
    await context.cancelAccepted(name);
    const operation = await context.pollUntilDone(name);
    expect(operation.done).toBe(true);
    expect(operation.response).toBeDefined();
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

  describe.for(serviceIds())('for %s', (serviceId) => {
    const segments = parseSegmentsTemplate(profile(serviceId).nameTemplate);

    it('gives a nonexistent name that fits the template and answers 404 NOT_FOUND', async () => {
      const { context } = setup(serviceId, { expectedError: NOT_FOUND });
      const name = await context.nonexistentName();
      expect(matchName(segments, name)).toBe(true);
      const result = await context.client.get(name);
      expect(result.status).toBe(404);
      context.expectDeclaredError(result);
      expect(context.warnings).toEqual([]);
    });

    it('gives malformed names that never fit the template', () => {
      const { context } = setup(serviceId);
      const names = context.malformedNames();
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect(matchName(segments, name), name).toBe(false);
    });
  });

  it('gives each context its own nonexistent name, stable within the context', async () => {
    const first = setup('dai').context;
    expect(await first.nonexistentName()).toBe(await first.nonexistentName());
    expect(await first.nonexistentName()).not.toBe(await setup('dai').context.nonexistentName());
  });

  it('fails expectDeclaredError on an answer that is not the declared error', async () => {
    const { context } = setup('checks', { expectedError: NOT_FOUND });
    const name = await context.createOperation('running');
    const error = await rejection(
      (async () => context.expectDeclaredError(await context.client.get(name)))(),
    );
    expect(error).toBeInstanceOf(ConformanceFailure);
    expect((error as Error).message).toMatch(/^expected 404 NOT_FOUND, got HTTP 200/);
  });

  it('fails expectDeclaredError when the clause declares none', () => {
    const { context } = setup('checks');
    const error = caught(() => context.expectDeclaredError(answer(404, {})));
    expect(error).toBeInstanceOf(ConformanceFailure);
    expect((error as Error).message).toContain('declares no expectedError');
  });

  it('warns, without failing, when a declared error carries fields AIP-193 does not define', () => {
    const { context } = setup('checks', { expectedError: NOT_FOUND });
    context.expectDeclaredError(
      answer(404, { error: { code: 404, message: 'no', status: 'NOT_FOUND', errors: [] } }),
    );
    expect(context.warnings).toHaveLength(1);
    expect(context.warnings[0]).toMatch(/^error envelope fields AIP-193 does not define/);
  });

  it.for([
    [
      'code that is not the HTTP status',
      answer(404, { error: { code: 5, message: 'no', status: 'NOT_FOUND' } }),
    ],
    ['no envelope', answer(500, 'Internal Server Error')],
    [
      'an empty body',
      {
        url: 'https://h.test/v1/x',
        status: 503,
        headers: new Headers(),
        text: '',
        json: undefined,
      },
    ],
  ] as const)('fails expectErrorEnvelope on an answer with %s', ([, result]) => {
    const { context } = setup('checks');
    const error = caught(() => context.expectErrorEnvelope(result));
    expect(error).toBeInstanceOf(ConformanceFailure);
    expect((error as Error).message).toContain(
      `error answer ${result.status} is not a consistent AIP-193 envelope:\n- [`,
    );
  });

  it('accepts the reference’s own error envelope in expectErrorEnvelope and expectErrorInfo', async () => {
    const { context } = setup('checks');
    const answer404 = await context.client.get(await context.nonexistentName());
    context.expectErrorEnvelope(answer404);
    context.expectErrorInfo(answer404);
    expect(context.warnings).toEqual([]);
  });

  it('fails expectErrorInfo on an envelope without a google.rpc.ErrorInfo', () => {
    const { context } = setup('checks');
    const error = caught(() =>
      context.expectErrorInfo(
        answer(403, { error: { code: 403, message: 'no', status: 'PERMISSION_DENIED' } }),
      ),
    );
    expect((error as Error).message).toMatch(/carries no well-formed google.rpc.ErrorInfo/);
  });

  it('puts probes under the parent of an operation the control endpoint makes', async () => {
    const { context } = setup('checks');
    const name = await context.nonexistentName();
    expect(name).toMatch(/^accounts\/ref\/apps\/ref\/operations\/lro-conformance-absent-/);
    expect(await context.nonexistentName()).toBe(name);
  });

  it('makes a 403 to a probe under a made-up parent INCONCLUSIVE, never FAIL', async () => {
    const { target } = setup('checks', { expectedError: NOT_FOUND });
    const withoutControl = createClauseRun({
      service: profile('checks'),
      target: { ...target, control: undefined },
      deadlineMs: DEADLINE_MS,
      expectedError: NOT_FOUND,
    }).context;
    const name = await withoutControl.nonexistentName();
    expect(name).toMatch(/^accounts\/lro-conformance\/apps\/lro-conformance\//);
    const denied = {
      ...answer(403, { error: { code: 403, message: 'denied', status: 'PERMISSION_DENIED' } }),
      url: `${target.baseUrl}/v1alpha/${name}`,
    };
    const error = caught(() => withoutControl.expectDeclaredError(denied));
    expect(error).toMatchObject({ outcome: 'INCONCLUSIVE' });
    expect((error as Error).message).toContain('--parent checks=PARENT');
  });

  it('collects warnings in order', () => {
    const { context } = setup('checks');
    context.warn('first');
    context.warn('second');
    expect(context.warnings).toEqual(['first', 'second']);
  });

  it.for([
    ['notApplicable', 'NOT_APPLICABLE'],
    ['inconclusive', 'INCONCLUSIVE'],
  ] as const)('%s throws an OutcomeSignal %s with the reason', ([method, outcome]) => {
    const { context } = setup('checks');
    const error = caught(() => context[method]('the reason'));
    expect(error).toBeInstanceOf(OutcomeSignal);
    expect(error).toMatchObject({ outcome, message: 'the reason' });
  });

  it('fail throws a ConformanceFailure with the message', () => {
    const { context } = setup('checks');
    const error = caught(() => context.fail('broken'));
    expect(error).toBeInstanceOf(ConformanceFailure);
    expect((error as Error).message).toBe('broken');
  });

  it('records every exchange as evidence, the control call that made the operation included', async () => {
    const { context } = setup('checks');
    const name = await context.createOperation('running');
    await context.client.cancel(name, { body: {} });
    await context.getOperation(name);
    expect(
      context.exchanges.map((e) => [
        e.request.method,
        new URL(e.request.url).pathname,
        e.request.body,
        e.response?.status,
      ]),
    ).toEqual([
      ['POST', `${CONTROL_PATH}/operations`, '{"service":"checks","scenario":"running"}', 201],
      ['POST', `/v1alpha/${name}:cancel`, '{}', 200],
      ['GET', `/v1alpha/${name}`, undefined, 200],
    ]);
    expect(context.exchanges[1]?.response?.body).toBe('{}');
    expect(context.exchanges[1]?.curl).toContain(`--data-binary '{}'`);
    expect(context.exchanges[1]?.startedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
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

  it('fails an accepted cancel that carries an error envelope', async () => {
    const { context, answers } = setup('checks');
    const name = await context.createOperation('running');
    answers.fetch = async () =>
      Response.json({ error: { code: 400, message: 'x', status: 'FAILED_PRECONDITION' } });
    const error = await rejection(context.cancelAccepted(name));
    expect((error as Error).message).toMatch(/answered 200 with an error envelope/);
  });
});
