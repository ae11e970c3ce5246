/**
 * The verdicts of the client matrix, each shown both ways: the answers the contract asks for
 * work, and answers that differ from it (a wrong state, a cancel that rejects, a promise that
 * rejects with another code or resolves when it should reject) fail with the mismatch or the
 * exact error. A setup error is thrown on, never judged.
 */
import { GoogleError } from 'google-gax';
import { describe, expect, it } from 'vitest';
import { InteropSetupError } from '../interop-error.ts';
import { judgeAnswer, judgeRejection } from './judge-call.ts';
import { recipeFor, STATE_OF } from './matrix-states.ts';

const googleError = (code: number, message: string) =>
  Object.assign(new GoogleError(message), { code });

describe('judging a client call', () => {
  it('works when a get shows the state of the scenario', () => {
    const expect_ = recipeFor('get', 'cancelled').expect;

    expect(judgeAnswer(expect_, { operation: STATE_OF.cancelled })).toEqual({
      verdict: 'works',
      detail: 'done, error.code 1',
    });
  });

  it('fails when a get shows another state', () => {
    const expect_ = recipeFor('get', 'cancelled').expect;

    expect(judgeAnswer(expect_, { operation: { done: true, errorCode: 2 } })).toEqual({
      verdict: 'fails',
      detail: 'expected done, error.code 1; got done, error.code 2',
    });
  });

  it('works when a cancel resolves, and fails with the exact error when it rejects', () => {
    const expect_ = recipeFor('cancel', 'running').expect;

    expect(judgeAnswer(expect_, { resolved: '{}' })).toEqual({
      verdict: 'works',
      detail: 'resolved {}',
    });
    expect(judgeRejection(expect_, new Error('Cannot build HTTP request'))).toEqual({
      verdict: 'fails',
      detail: 'Error: Cannot build HTTP request',
    });
  });

  it('works when promise() rejects with the code of the operation’s error', () => {
    const expect_ = recipeFor('lro-promise', 'running').expect;

    expect(judgeRejection(expect_, googleError(1, 'Operation cancelled.'))).toEqual({
      verdict: 'works',
      detail: 'rejected: GoogleError (code 1 CANCELLED): Operation cancelled.',
    });
  });

  it('fails when promise() rejects with another code', () => {
    const expect_ = recipeFor('lro-promise', 'cancelled').expect;

    expect(judgeRejection(expect_, googleError(5, 'not found'))).toEqual({
      verdict: 'fails',
      detail: 'GoogleError (code 5 NOT_FOUND): not found',
    });
  });

  it('fails when promise() resolves for an operation that ended in an error', () => {
    const expect_ = recipeFor('lro-promise', 'failed').expect;

    expect(judgeAnswer(expect_, { operation: { done: true, response: true } })).toEqual({
      verdict: 'fails',
      detail: 'expected to reject with code 13; got done, response',
    });
  });

  it('fails when a read resolves without an operation', () => {
    expect(judgeAnswer(recipeFor('get', 'running').expect, { resolved: '{}' }).verdict).toBe(
      'fails',
    );
  });

  it('throws a setup error on instead of judging it', () => {
    const error = new InteropSetupError('no handler');

    expect(() => judgeRejection(recipeFor('get', 'running').expect, error)).toThrow(error);
  });

  it('reads an HTTP status, not an RPC code, from a gaxios-style error', () => {
    const gaxios = Object.assign(new Error('Bad Request'), { code: 400, status: 400 });

    expect(judgeRejection(recipeFor('cancel', 'running').expect, gaxios).detail).toBe(
      'Error (HTTP 400): Bad Request',
    );
  });
});
