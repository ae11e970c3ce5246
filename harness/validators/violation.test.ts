import { describe, expect, it } from 'vitest';
import { describeValue, formatViolations, pointerToken, supersedeSchema } from './violation.ts';

describe('formatViolations', () => {
  it('says so when there is nothing to report', () => {
    expect(formatViolations([])).toBe('no violations');
  });

  it('prints one line per violation, naming the body itself (body)', () => {
    expect(
      formatViolations([
        { rule: 'schema', path: '', message: 'must be object, got ""' },
        { rule: 'operation-running-has-no-result', path: '/error', message: 'done is false' },
      ]),
    ).toBe(
      '- [schema] (body): must be object, got ""\n- [operation-running-has-no-result] /error: done is false',
    );
  });
});

describe('supersedeSchema', () => {
  it('drops schema violations only at paths a rule reports', () => {
    const schema = [
      { rule: 'schema', path: '/error/code', message: 'must be <= 16, got 499' },
      { rule: 'schema', path: '/name', message: 'is required but missing' },
    ];
    const rules = [{ rule: 'operation-error-code-is-rpc-code', path: '/error/code', message: 'x' }];
    expect(supersedeSchema(schema, rules)).toEqual([schema[1]]);
  });
});

describe('pointerToken', () => {
  it('escapes ~ and / (RFC 6901)', () => {
    expect(pointerToken('a/b~c')).toBe('a~1b~0c');
  });
});

describe('describeValue', () => {
  const rows: ReadonlyArray<[unknown, string]> = [
    [undefined, 'nothing'],
    [null, 'null'],
    ['true', '"true"'],
    [true, 'true'],
    [499, '499'],
    [[1, 2], 'an array of 2 item(s)'],
    [{}, 'an empty object'],
    [{ a: 1, b: 2 }, 'an object with keys a, b'],
  ];
  for (const [value, text] of rows) {
    it(`renders ${text}`, () => {
      expect(describeValue(value)).toBe(text);
    });
  }

  it('truncates long strings', () => {
    expect(describeValue('x'.repeat(200))).toHaveLength(80);
  });
});
