/**
 * Error-answer expectations (clause-error-answers.ts): the declared error, the AIP-193 envelope
 * and google.rpc.ErrorInfo, on crafted answers and on the reference's own.
 */
import { describe, expect, it } from 'vitest';
import { answer, caught, NOT_FOUND, rejection, setup } from './fixtures/reference-clause-run.ts';
import { ConformanceFailure } from './outcome-signal.ts';

describe('the error-answers capability', () => {
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
});
