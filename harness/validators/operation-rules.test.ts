import { describe, expect, it } from 'vitest';
import { expectViolations } from './fixtures/violation-expectations.ts';
import { validateOperation } from './operation-rules.ts';

const NAME = 'projects/p/locations/l/operations/o';
const METADATA = { '@type': 'type.googleapis.com/google.cloud.datafusion.v1.OperationMetadata' };
const RESPONSE = { '@type': 'type.googleapis.com/google.cloud.datafusion.v1.Instance' };
const CANCELLED = { code: 1, message: 'Operation was cancelled.' };

const valid: ReadonlyArray<{ title: string; body: unknown }> = [
  { title: 'a running operation without done', body: { name: NAME, metadata: METADATA } },
  { title: 'a running operation with done false', body: { name: NAME, done: false } },
  {
    title: 'a done operation with a response',
    body: { name: NAME, done: true, response: RESPONSE },
  },
  {
    title: 'a cancelled operation (error.code 1)',
    body: { name: NAME, done: true, error: CANCELLED },
  },
  { title: 'a done operation with no result', body: { name: NAME, done: true } },
];

const invalid: ReadonlyArray<{
  title: string;
  body: unknown;
  violations: string[];
  message?: RegExp;
}> = [
  {
    title: 'done false with an error',
    body: { name: NAME, done: false, error: CANCELLED },
    violations: ['operation-running-has-no-result /error'],
    message: /^done is false but error is set \(code 1\)$/,
  },
  {
    title: 'done absent with a response',
    body: { name: NAME, response: RESPONSE },
    violations: ['operation-running-has-no-result /response'],
    message: /^done is absent \(false\) but response is set \(@type ".*Instance"\)$/,
  },
  {
    title: 'done false with both results',
    body: { name: NAME, done: false, error: CANCELLED, response: RESPONSE },
    violations: [
      'operation-running-has-no-result /error',
      'operation-running-has-no-result /response',
    ],
  },
  {
    title: 'done true with both results',
    body: { name: NAME, done: true, error: CANCELLED, response: RESPONSE },
    violations: ['operation-done-has-at-most-one-result '],
    message: /^done is true but both error \(code 1\) and response \(@type .*\) are set/,
  },
  {
    title: 'an error with details and an omitted code, which means 0 (OK)',
    body: { name: NAME, done: true, error: { message: 'm', details: [METADATA] } },
    violations: ['operation-error-code-is-not-ok /error/code'],
    message: /absent, which means 0 \(OK\), which is not an error/,
  },
  {
    title: 'error.code 0 (OK)',
    body: { name: NAME, done: true, error: { code: 0, message: 'm' } },
    violations: ['operation-error-code-is-not-ok /error/code'],
  },
  {
    title: 'error.code 499, the HTTP status of CANCELLED',
    body: { name: NAME, done: true, error: { code: 499, message: 'Cancelled' } },
    violations: ['operation-error-code-is-rpc-code /error/code'],
    message: /is 499, which looks like an HTTP status.*1 \(CANCELLED\) for HTTP 499/,
  },
  {
    title: 'error.code 404',
    body: { name: NAME, done: true, error: { code: 404 } },
    violations: ['operation-error-code-is-rpc-code /error/code'],
    message: /looks like an HTTP status.*5 \(NOT_FOUND\) for HTTP 404/,
  },
  {
    title: 'error.code 501',
    body: { name: NAME, done: true, error: { code: 501 } },
    violations: ['operation-error-code-is-rpc-code /error/code'],
    message: /12 \(UNIMPLEMENTED\) for HTTP 501/,
  },
  {
    title: 'error.code 400, which three RPC codes map to',
    body: { name: NAME, done: true, error: { code: 400 } },
    violations: ['operation-error-code-is-rpc-code /error/code'],
    message: /3 \(INVALID_ARGUMENT\) or 9 \(FAILED_PRECONDITION\) or 11 \(OUT_OF_RANGE\)/,
  },
  {
    title: 'error.code 418, an HTTP status without an RPC code',
    body: { name: NAME, done: true, error: { code: 418 } },
    violations: ['operation-error-code-is-rpc-code /error/code'],
    message: /HTTP status that no google\.rpc\.Code maps to/,
  },
  {
    title: 'error.code 17, past the last RPC code',
    body: { name: NAME, done: true, error: { code: 17 } },
    violations: ['operation-error-code-is-rpc-code /error/code'],
    message: /is 17, not a google\.rpc\.Code number/,
  },
  {
    title: 'both a running error and an HTTP-status code',
    body: { name: NAME, error: { code: 499 } },
    violations: [
      'operation-error-code-is-rpc-code /error/code',
      'operation-running-has-no-result /error',
    ],
  },
  { title: 'a missing name', body: { done: false }, violations: ['schema /name'] },
  { title: 'an empty name', body: { name: '' }, violations: ['schema /name'] },
  { title: 'a numeric name', body: { name: 7 }, violations: ['schema /name'] },
  {
    title: 'done as a string (result rules wait for a boolean)',
    body: { name: NAME, done: 'true', response: RESPONSE },
    violations: ['schema /done'],
    message: /^must be boolean, got "true"$/,
  },
  {
    title: 'an unknown top-level field',
    body: { name: NAME, cancelled: true },
    violations: ['unknown-field /cancelled'],
  },
  {
    title: 'an unknown field inside error',
    body: { name: NAME, done: true, error: { code: 1, reason: 'x' } },
    violations: ['unknown-field /error/reason'],
  },
  {
    title: 'metadata without @type',
    body: { name: NAME, metadata: {} },
    violations: ['any-has-type /metadata/@type'],
  },
  {
    title: 'an error detail without @type',
    body: { name: NAME, done: true, error: { code: 1, details: [{ reason: 'CANCELLED' }] } },
    violations: ['any-has-type /error/details/0/@type'],
  },
  {
    title: 'a response Duration without its value',
    body: {
      name: NAME,
      done: true,
      response: { '@type': 'type.googleapis.com/google.protobuf.Duration' },
    },
    violations: ['any-well-known-type-has-value /response/value'],
  },
  {
    title: 'a string error code',
    body: { name: NAME, done: true, error: { code: '1' } },
    violations: ['schema /error/code'],
  },
  { title: 'null', body: null, violations: ['schema '] },
  { title: 'an array', body: [], violations: ['schema '] },
  { title: 'an empty body', body: undefined, violations: ['schema '] },
];

describe('validateOperation', () => {
  for (const { title, body } of valid) {
    it(`accepts ${title}`, () => {
      expect(validateOperation(body)).toEqual([]);
    });
  }

  for (const { title, body, violations, message } of invalid) {
    it(`rejects ${title}`, () => {
      const actual = validateOperation(body);
      expectViolations(actual, violations, message);
    });
  }
});
