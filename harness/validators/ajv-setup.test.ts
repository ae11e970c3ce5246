import { describe, expect, it } from 'vitest';
import { COMMON_SCHEMA_ID, createCommonAjv } from './ajv-setup.ts';

describe('createCommonAjv', () => {
  const ajv = createCommonAjv();

  it('resolves the shared components by their $id', () => {
    expect(ajv.getSchema(`${COMMON_SCHEMA_ID}#/components/schemas/Operation`)).toBeTypeOf(
      'function',
    );
  });

  it('keeps strict mode on for keywords nobody declared', () => {
    expect(() => ajv.compile({ type: 'string', 'x-undeclared': true })).toThrow(/unknown keyword/);
  });

  it('accepts the OpenAPI example annotation', () => {
    expect(ajv.compile({ type: 'string', example: 'x' })('y')).toBe(true);
  });

  const formats: ReadonlyArray<{ format: string; value: string; valid: boolean }> = [
    { format: 'google-duration', value: '3.5s', valid: true },
    { format: 'google-duration', value: '0s', valid: true },
    { format: 'google-duration', value: '3.5', valid: false },
    { format: 'google-duration', value: 'PT3S', valid: false },
    { format: 'int64', value: '-9223372036854775808', valid: true },
    { format: 'int64', value: '9223372036854775808', valid: false },
    { format: 'int64', value: '1e3', valid: false },
    { format: 'uint64', value: '18446744073709551615', valid: true },
    { format: 'uint64', value: '-1', valid: false },
  ];
  for (const { format, value, valid } of formats) {
    it(`${valid ? 'accepts' : 'rejects'} "${value}" as ${format}`, () => {
      expect(ajv.compile({ type: 'string', format })(value)).toBe(valid);
    });
  }
});
