import { describe, expect, it } from 'vitest';
import {
  errorEnvelopeHasErrorInfo,
  formatViolations,
  VALIDATION_RULES,
  type Violation,
  validateEmpty,
  validateErrorEnvelope,
  validateOperation,
  validateStatus,
} from './index.ts';

/** One bad input per rule, through the public entry point only. */
const failing: ReadonlyArray<() => readonly Violation[]> = [
  () => validateOperation({ name: 'operations/1', done: 'yes' }),
  () => validateOperation({ name: 'operations/1', error: { code: 1 } }),
  () =>
    validateOperation({ name: 'operations/1', done: true, error: {}, response: { '@type': 't' } }),
  () => validateOperation({ name: 'operations/1', done: true, error: { code: 499 } }),
  () => validateOperation({ name: 'operations/1', metadata: { value: 1 } }),
  () =>
    validateOperation({
      name: 'operations/1',
      metadata: { '@type': 'type.googleapis.com/google.protobuf.Struct' },
    }),
  () => validateStatus({ code: 404 }),
  () => validateEmpty({ unexpected: 1 }),
  () => validateErrorEnvelope({ error: { code: 5, message: 'm', status: 'NOT_FOUND' } }, 404),
  () => validateErrorEnvelope({ error: { code: 404, message: 'm', status: 'ABORTED' } }, 404),
  () => errorEnvelopeHasErrorInfo({ error: { code: 404, message: 'm', status: 'NOT_FOUND' } }),
];

describe('validators entry point', () => {
  it('shows every rule id failing on some bad input', () => {
    const seen = new Set(
      failing.flatMap((validate) => validate().map((violation) => violation.rule)),
    );
    expect([...seen].sort()).toEqual(Object.keys(VALIDATION_RULES).sort());
  });

  it('returns no violations for the bodies a conforming cancel flow produces', () => {
    const cancelled = {
      name: 'operations/1',
      done: true,
      error: { code: 1, message: 'Cancelled.' },
    };
    const violations = [
      ...validateEmpty({}),
      ...validateOperation(cancelled),
      ...validateErrorEnvelope(
        { error: { code: 501, message: 'm', status: 'UNIMPLEMENTED' } },
        501,
      ),
    ];
    expect(violations, formatViolations(violations)).toEqual([]);
  });
});
