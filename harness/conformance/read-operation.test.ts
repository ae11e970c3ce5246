import { describe, expect, it } from 'vitest';
import type { HttpResult } from '../client/lro-client.ts';
import { formatViolations, validateOperation } from '../validators/index.ts';
import { ConformanceFailure } from './outcome-signal.ts';
import { readOperation } from './read-operation.ts';

const NAME = 'operations/op-1';
const METADATA = { '@type': 'type.googleapis.com/google.protobuf.Empty' };

function answer(status: number, json: unknown, text = JSON.stringify(json) ?? ''): HttpResult {
  return { status, headers: new Headers(), text, json };
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
    expect(readOperation(answer(200, operation), NAME)).toEqual(operation);
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

  it.for([
    ['a running operation with a response', { name: NAME, done: false, response: METADATA }],
    [
      'both error and response',
      { name: NAME, done: true, error: { code: 1, message: 'x' }, response: METADATA },
    ],
    [
      'an error code that is an HTTP status',
      { name: NAME, done: true, error: { code: 499, message: 'x' } },
    ],
    ['done as a string', { name: NAME, done: 'true' }],
    ['an empty body', undefined],
    ['a JSON array', []],
  ] as const)('fails on a 200 with %s, listing the violations', ([, json]) => {
    const violations = validateOperation(json);
    expect(violations.length).toBeGreaterThan(0);
    const error = failureOf(answer(200, json));
    expect(error).toBeInstanceOf(ConformanceFailure);
    expect(error.message).toBe(
      `GetOperation ${NAME} answered an invalid Operation:\n${formatViolations(violations)}`,
    );
  });
});
