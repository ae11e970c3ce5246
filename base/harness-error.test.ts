import { describe, expect, it } from 'vitest';
import { HarnessError, isHarnessError, TargetUnreachableError } from './harness-error.ts';

describe('isHarnessError', () => {
  it.for([
    ['a HarnessError', new HarnessError('x')],
    ['a TargetUnreachableError', new TargetUnreachableError('http://127.0.0.1:1')],
    // Reporters see errors that crossed a worker boundary: only the name survives.
    ['an Error named HarnessError', Object.assign(new Error('x'), { name: 'HarnessError' })],
  ] as const)('recognises %s', ([, error]) => {
    expect(isHarnessError(error)).toBe(true);
  });

  it.for([
    ['a plain Error', new Error('HarnessError')],
    ['a TypeError', new TypeError('fetch failed')],
    ['a plain object named HarnessError', { name: 'HarnessError', message: 'x' }],
    ['a string', 'HarnessError'],
    ['null', null],
  ] as const)('refuses %s', ([, value]) => {
    expect(isHarnessError(value)).toBe(false);
  });
});

describe('TargetUnreachableError', () => {
  it('names the URL and keeps the cause, with its system error code', () => {
    const system = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
    });
    const cause = new TypeError('fetch failed', { cause: system });
    const error = new TargetUnreachableError('GET http://127.0.0.1:1/v1/x', { cause });
    expect(error.message).toBe(
      'cannot reach GET http://127.0.0.1:1/v1/x: fetch failed (ECONNREFUSED)',
    );
    expect(error.url).toBe('GET http://127.0.0.1:1/v1/x');
    expect(error.cause).toBe(cause);
    expect(error.name).toBe('HarnessError');
    expect(error).toBeInstanceOf(HarnessError);
  });

  it.for([
    ['a cause without a code', new Error('timed out'), 'cannot reach http://h: timed out'],
    ['a cause that is not an Error', 'oops', 'cannot reach http://h'],
    ['no cause', undefined, 'cannot reach http://h'],
  ] as const)('words %s plainly', ([, cause, message]) => {
    const error = new TargetUnreachableError(
      'http://h',
      cause === undefined ? undefined : { cause },
    );
    expect(error.message).toBe(message);
  });
});
