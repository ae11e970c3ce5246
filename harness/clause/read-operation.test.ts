import { describe, expect, it } from 'vitest';
import type { HttpResult } from './lro-client.ts';
import { ConformanceFailure } from './outcome-signal.ts';
import { readOperation } from './read-operation.ts';

const NAME = 'operations/op-1';
const METADATA = { '@type': 'type.googleapis.com/google.protobuf.Empty' };

function answer(status: number, json: unknown, text = JSON.stringify(json) ?? ''): HttpResult {
  return { url: 'https://h.test/v1/x', status, headers: new Headers(), text, json };
}

function failureOf(result: HttpResult): Error {
  try {
    readOperation(result, NAME);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected readOperation to throw');
}

describe('readOperation', () => {
  it.for([
    ['running', { name: NAME, metadata: METADATA, done: false }],
    [
      'cancelled',
      { name: NAME, metadata: METADATA, done: true, error: { code: 1, message: 'Cancelled.' } },
    ],
    ['completed', { name: NAME, metadata: METADATA, done: true, response: METADATA }],
  ] as const)('returns a valid %s Operation', ([, operation]) => {
    expect(readOperation(answer(200, operation), NAME)).toEqual({ operation, unknownFields: [] });
  });

  it.for([
    [404, '{"error":{"code":404,"message":"no","status":"NOT_FOUND"}}'],
    [500, 'boom'],
    [201, '{}'],
  ] as const)('fails on HTTP %i, quoting the answer', ([status, text]) => {
    const error = failureOf(answer(status, undefined, text));
    expect(error).toBeInstanceOf(ConformanceFailure);
    expect(error.message).toBe(`GetOperation ${NAME} answered ${status}, expected 200: ${text}`);
  });

  it('reads proto3 JSON: null members are unset, unknown fields are listed, not fatal', () => {
    const read = readOperation(
      answer(200, {
        done: true,
        name: NAME,
        response: null,
        error: { code: 2, reason: 'x' },
        extra: 1,
      }),
      NAME,
    );
    expect(read.operation).toEqual({
      name: NAME,
      done: true,
      error: { code: 2, reason: 'x' },
      extra: 1,
    });
    expect(read.unknownFields).toEqual(['extra', 'error.reason']);
  });

  it.for([
    ['a response while done is false', { name: NAME, done: false, response: METADATA }],
    ['an error while done is absent', { name: NAME, error: { code: 1 } }],
  ] as const)('fails on %s: nobody can read it as running or as done', ([, json]) => {
    expect(failureOf(answer(200, json)).message).toMatch(
      /while done is .*neither error nor response is set/,
    );
  });

  it('leaves the finer invariants to the shape clause: both error and response reads', () => {
    const both = { name: NAME, done: true, error: { code: 1 }, response: METADATA };
    expect(readOperation(answer(200, both), NAME).operation).toEqual(both);
  });

  it.for([
    ['done as a string', { name: NAME, done: 'true' }, /answered done "true", not a boolean/],
    ['an empty body', undefined, /answered 200 with an empty body, not an Operation/],
    ['a JSON array', [], /answered 200 with \[\], not an Operation/],
    ['no name', { done: true }, /answered an Operation without a name/],
    ['error as a string', { name: NAME, error: 'x' }, /answered error "x", not an object/],
    ['a string error code', { name: NAME, error: { code: '1' } }, /error.code "1", not an integer/],
    [
      'an error envelope',
      { error: { code: 404, message: 'x', status: 'NOT_FOUND' } },
      /error envelope under HTTP 200/,
    ],
  ] as const)('fails on a 200 with %s', ([, json, message]) => {
    const error = failureOf(answer(200, json));
    expect(error).toBeInstanceOf(ConformanceFailure);
    expect(error.message).toMatch(message);
  });
});
