import { describe, expect, it } from 'vitest';
import { expectViolations, located } from './fixtures/violation-expectations.ts';
import {
  COMMON_SCHEMA_NAMES,
  type CommonSchemaName,
  schemaViolations,
  validateEmpty,
} from './schema-violations.ts';

const ALL_SCHEMAS: readonly CommonSchemaName[] = COMMON_SCHEMA_NAMES;

describe('schemaViolations', () => {
  it('compiles every shared component in strict mode', () => {
    for (const name of ALL_SCHEMAS) expect(() => schemaViolations(name, {})).not.toThrow();
  });

  const rows: ReadonlyArray<{
    schema: CommonSchemaName;
    body: unknown;
    violations: string[];
    message?: RegExp;
  }> = [
    { schema: 'WaitOperationRequest', body: { timeout: '3.5s' }, violations: [] },
    { schema: 'WaitOperationRequest', body: { timeout: '-0.000000001s' }, violations: [] },
    {
      schema: 'WaitOperationRequest',
      body: { timeout: '3.5' },
      violations: ['schema /timeout'],
      message: /^must match format "google-duration", got "3\.5"$/,
    },
    {
      schema: 'WaitOperationRequest',
      body: { timeout: '1.0000000001s' },
      violations: ['schema /timeout'],
    },
    { schema: 'CancelOperationRequest', body: {}, violations: [] },
    {
      schema: 'CancelOperationRequest',
      body: { name: 'operations/1' },
      violations: ['unknown-field /name'],
      message:
        /^is not a field of the message \(got "operations\/1"\); clients that ignore unknown fields, as Google's do, read past it$/,
    },
    { schema: 'Code', body: 'CANCELLED', violations: [] },
    {
      schema: 'Code',
      body: 'Cancelled',
      violations: ['schema '],
      message: /^must be one of OK, CANCELLED, .*UNAUTHENTICATED, got "Cancelled"$/,
    },
    {
      schema: 'ListOperationsResponse',
      body: { operations: [{ name: 'operations/1' }, { done: true }], nextPageToken: 't' },
      violations: ['schema /operations/1/name'],
      message: /^is required but missing$/,
    },
    {
      schema: 'ErrorInfo',
      body: { '@type': 'type.googleapis.com/google.rpc.Help', reason: 'A_B', domain: 'd' },
      violations: ['schema /@type'],
      message: /^must be "type\.googleapis\.com\/google\.rpc\.ErrorInfo", got ".*Help"$/,
    },
    {
      schema: 'Any',
      body: { 'a/b~c': 1 },
      violations: ['schema /@type'],
    },
  ];

  for (const { schema, body, violations, message } of rows) {
    it(`${violations.length === 0 ? 'accepts' : 'rejects'} ${JSON.stringify(body)} as ${schema}`, () => {
      const actual = schemaViolations(schema, body);
      expectViolations(actual, violations, message);
    });
  }

  it('prefixes paths with basePath', () => {
    expect(schemaViolations('Any', {}, '/error/details/3')).toEqual([
      { rule: 'schema', path: '/error/details/3/@type', message: 'is required but missing' },
    ]);
  });

  it('escapes property names in paths (RFC 6901)', () => {
    expect(located(schemaViolations('Empty', { 'a/b~c': 1 }))).toEqual(['unknown-field /a~1b~0c']);
  });
});

describe('validateEmpty', () => {
  const rows: ReadonlyArray<{ title: string; body: unknown; violations: string[] }> = [
    { title: 'accepts {}', body: {}, violations: [] },
    { title: 'rejects a field', body: { done: true }, violations: ['unknown-field /done'] },
    { title: 'rejects the two-byte body ""', body: '', violations: ['schema '] },
    { title: 'rejects no body at all', body: undefined, violations: ['schema '] },
    { title: 'rejects null', body: null, violations: ['schema '] },
    { title: 'rejects []', body: [], violations: ['schema '] },
  ];
  for (const { title, body, violations } of rows) {
    it(title, () => {
      expect(located(validateEmpty(body))).toEqual(violations);
    });
  }

  it('says what the body was', () => {
    expect(validateEmpty('')).toEqual([
      { rule: 'schema', path: '', message: 'must be object, got ""' },
    ]);
  });
});
