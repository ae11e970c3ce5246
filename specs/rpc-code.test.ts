import { describe, expect, it } from 'vitest';
import {
  RPC_CODES,
  rpcCodeByName,
  rpcCodeByNumber,
  rpcCodeNamesForHttpStatus,
} from './rpc-code.ts';

describe('google.rpc.Code table', () => {
  it('lists codes 0 to 16 in order', () => {
    expect(RPC_CODES.map((entry) => entry.code)).toEqual([...Array(17).keys()]);
  });

  it.each([
    ['CANCELLED', 1, 499],
    ['NOT_FOUND', 5, 404],
    ['PERMISSION_DENIED', 7, 403],
    ['UNIMPLEMENTED', 12, 501],
    ['UNAUTHENTICATED', 16, 401],
  ])('maps %s to %i and HTTP %i', (name, code, httpStatus) => {
    expect(rpcCodeByName(name)).toEqual({ name, code, httpStatus });
    expect(rpcCodeByNumber(code)?.name).toBe(name);
  });

  it('finds three codes for HTTP 400 and none for unknown input', () => {
    expect(rpcCodeNamesForHttpStatus(400)).toEqual([
      'INVALID_ARGUMENT',
      'FAILED_PRECONDITION',
      'OUT_OF_RANGE',
    ]);
    expect(rpcCodeByName('NOPE')).toBeUndefined();
    expect(rpcCodeByNumber(17)).toBeUndefined();
    expect(rpcCodeNamesForHttpStatus(418)).toEqual([]);
  });
});
