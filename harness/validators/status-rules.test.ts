import { describe, it } from 'vitest';
import { expectViolations } from './fixtures/violation-expectations.ts';
import { validateStatus } from './status-rules.ts';

const rows: ReadonlyArray<{
  title: string;
  body: unknown;
  violations: string[];
  message?: RegExp;
}> = [
  { title: 'accepts CANCELLED', body: { code: 1, message: 'Cancelled.' }, violations: [] },
  { title: 'accepts an empty Status (code 0)', body: {}, violations: [] },
  {
    title: 'accepts details',
    body: { code: 5, details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo' }] },
    violations: [],
  },
  {
    title: 'rejects the HTTP status 404 as code',
    body: { code: 404 },
    violations: ['status-code-is-rpc-code /code'],
    message: /^code is 404, which looks like an HTTP status.*5 \(NOT_FOUND\) for HTTP 404$/,
  },
  {
    title: 'rejects a negative code',
    body: { code: -1 },
    violations: ['status-code-is-rpc-code /code'],
    message: /^code is -1, not a google\.rpc\.Code number/,
  },
  {
    title: 'rejects the AIP-193 status field',
    body: { code: 5, status: 'NOT_FOUND' },
    violations: ['unknown-field /status'],
  },
  {
    title: 'rejects details that are not an array',
    body: { details: {} },
    violations: ['schema /details'],
  },
  { title: 'rejects a string', body: 'CANCELLED', violations: ['schema '] },
];

describe('validateStatus', () => {
  for (const { title, body, violations, message } of rows) {
    it(title, () => {
      const actual = validateStatus(body);
      expectViolations(actual, violations, message);
    });
  }
});
