import { describe, expect, it } from 'vitest';
import { isErrorOf } from '#base';
import { TargetUnreachableError } from './http-fetch.ts';

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
    expect(error.code).toBe('UNREACHABLE');
    expect(isErrorOf(error, 'unavailable')).toBe(true);
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
