import { describe, expect, it } from 'vitest';
import { isJsonMediaType } from './media-type.ts';

describe('isJsonMediaType', () => {
  it.for([
    ['application/json', true],
    ['application/json; charset=UTF-8', true],
    ['Application/JSON;charset=utf-8', true],
    ['application/problem+json', true],
    ['text/html; charset=UTF-8', false],
    ['text/plain', false],
    ['application/jsonx', false],
    [null, false],
  ] as const)('%s is JSON: %s', ([type, expected]) => {
    expect(isJsonMediaType(type)).toBe(expected);
  });
});
