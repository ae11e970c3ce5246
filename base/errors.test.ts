import { describe, expect, it } from 'vitest';
import {
  ERROR_CODES,
  EXIT_CODE_OF_FAMILY,
  EXIT_HARNESS,
  EXIT_USAGE,
  exitCodeOfError,
  HarnessError,
  isErrorOf,
  isLroError,
  LroError,
  UnavailableError,
  UsageError,
  usageError,
} from './errors.ts';

describe('the error base', () => {
  it('gives every code one family and every family one exit code', () => {
    for (const [code, family] of Object.entries(ERROR_CODES)) {
      expect(EXIT_CODE_OF_FAMILY[family], code).toBeGreaterThan(1);
    }
    expect(new LroError('INVALID_FILE', 'x').exitCode).toBe(EXIT_USAGE);
    expect(new LroError('UNREACHABLE', 'x').exitCode).toBe(EXIT_HARNESS);
    expect(new LroError('THROTTLED', 'x').exitCode).toBe(EXIT_HARNESS);
  });

  it('makes each family with its generic code, or one of its own', () => {
    expect([usageError('x').code, usageError('x').family]).toEqual(['USAGE', 'usage']);
    expect(new UsageError('x', { code: 'INVALID_FILE' }).code).toBe('INVALID_FILE');
    expect([new UnavailableError('x').code, new UnavailableError('x').family]).toEqual([
      'UNREADABLE',
      'unavailable',
    ]);
    expect([new HarnessError('x').code, new HarnessError('x').family]).toEqual([
      'HARNESS',
      'harness',
    ]);
    expect(new HarnessError('x', { code: 'DATA' }).name).toBe('HarnessError');
  });

  it('recognises its errors by their brand, not by their class or name alone', () => {
    expect(isLroError(new HarnessError('x'))).toBe(true);
    expect(isErrorOf(new HarnessError('x'), 'harness')).toBe(true);
    expect(isErrorOf(new HarnessError('x'), 'usage')).toBe(false);
    // What another copy of this module (a bundled worker, a second install) makes.
    const foreign = Object.assign(new Error('x'), {
      code: 'USAGE',
      [Symbol.for('lro-conformance.error')]: true,
    });
    expect(isLroError(foreign)).toBe(true);
    for (const value of [
      new Error('x'),
      Object.assign(new Error('x'), { name: 'HarnessError', code: 'HARNESS' }),
      { name: 'HarnessError', message: 'x' },
      'HarnessError',
      null,
    ]) {
      expect(isLroError(value)).toBe(false);
    }
  });

  it('reports anything else thrown as a fault of the tool, never as a verdict', () => {
    expect(exitCodeOfError(usageError('x'))).toBe(EXIT_USAGE);
    expect(exitCodeOfError(new TypeError('x'))).toBe(EXIT_HARNESS);
    expect(exitCodeOfError('x')).toBe(EXIT_HARNESS);
  });
});
