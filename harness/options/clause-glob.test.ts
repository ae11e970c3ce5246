import { describe, expect, it } from 'vitest';
import { matchesGlob } from './clause-glob.ts';

describe('matchesGlob', () => {
  it.for([
    ['cancel/accepts-request-without-body', 'cancel/*', true],
    ['cancel/accepts-request-without-body', 'cancel/accepts-*', true],
    ['cancel/accepts-request-without-body', '*', false],
    ['cancel/accepts-request-without-body', '**', true],
    ['cancel/accepts-request-without-body', 'errors/*', false],
    ['cancel/accepts-request-without-body', 'cancel/accepts-request-without-body', true],
    ['get/a.b', 'get/a?b', true],
    ['get/axb', 'get/a.b', false],
  ] as const)('%s against %s is %s', ([id, pattern, expected]) => {
    expect(matchesGlob(id, pattern)).toBe(expected);
  });
});
