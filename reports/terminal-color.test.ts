import { describe, expect, it } from 'vitest';
import { shouldUseColor } from './terminal-color.ts';

describe('shouldUseColor', () => {
  it.for<[string, Record<string, string>, boolean, boolean]>([
    ['a TTY', {}, true, true],
    ['a pipe or file', {}, false, false],
    ['NO_COLOR on a TTY', { NO_COLOR: '1' }, true, false],
    ['an empty NO_COLOR (no-color.org: ignored)', { NO_COLOR: '' }, true, true],
    ['FORCE_COLOR=1 without a TTY', { FORCE_COLOR: '1' }, false, true],
    ['an empty FORCE_COLOR', { FORCE_COLOR: '' }, false, true],
    ['FORCE_COLOR=3', { FORCE_COLOR: '3' }, false, true],
    ['FORCE_COLOR=true', { FORCE_COLOR: 'true' }, false, true],
    ['FORCE_COLOR=0 on a TTY', { FORCE_COLOR: '0' }, true, false],
    ['FORCE_COLOR=false on a TTY', { FORCE_COLOR: 'false' }, true, false],
    ['FORCE_COLOR over NO_COLOR', { FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    ['NODE_DISABLE_COLORS on a TTY', { NODE_DISABLE_COLORS: '1' }, true, false],
    ['TERM=dumb on a TTY', { TERM: 'dumb' }, true, false],
  ])('%s', ([, env, isTTY, expected]) => {
    expect(shouldUseColor({ env, isTTY })).toBe(expected);
  });
});
