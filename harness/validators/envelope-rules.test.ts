import { describe, expect, it } from 'vitest';
import { isLroError } from '#base';
import { validateErrorEnvelope } from './envelope-rules.ts';
import { expectViolations } from './fixtures/violation-expectations.ts';

const envelope = (code: unknown, status: unknown, extra: Record<string, unknown> = {}) => ({
  error: { code, message: 'Operation not found.', status, ...extra },
});

const valid: ReadonlyArray<{ title: string; body: unknown; httpStatus: number }> = [
  { title: '404 NOT_FOUND on HTTP 404', body: envelope(404, 'NOT_FOUND'), httpStatus: 404 },
  {
    title: '400 INVALID_ARGUMENT on HTTP 400',
    body: envelope(400, 'INVALID_ARGUMENT'),
    httpStatus: 400,
  },
  {
    title: '400 FAILED_PRECONDITION on HTTP 400',
    body: envelope(400, 'FAILED_PRECONDITION'),
    httpStatus: 400,
  },
  { title: '400 OUT_OF_RANGE on HTTP 400', body: envelope(400, 'OUT_OF_RANGE'), httpStatus: 400 },
  { title: '501 UNIMPLEMENTED on HTTP 501', body: envelope(501, 'UNIMPLEMENTED'), httpStatus: 501 },
  {
    title: '403 PERMISSION_DENIED on HTTP 403',
    body: envelope(403, 'PERMISSION_DENIED'),
    httpStatus: 403,
  },
  {
    title: '401 UNAUTHENTICATED on HTTP 401',
    body: envelope(401, 'UNAUTHENTICATED'),
    httpStatus: 401,
  },
  {
    title: 'an envelope with details',
    body: envelope(404, 'NOT_FOUND', {
      details: [
        { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'X_Y', domain: 'd' },
      ],
    }),
    httpStatus: 404,
  },
];

const invalid: ReadonlyArray<{
  title: string;
  body: unknown;
  httpStatus: number;
  violations: string[];
  message?: RegExp;
}> = [
  {
    title: 'status INVALID_ARGUMENT on HTTP 404',
    body: envelope(404, 'INVALID_ARGUMENT'),
    httpStatus: 404,
    violations: ['envelope-status-matches-http-status /error/status'],
    message:
      /INVALID_ARGUMENT, which maps to HTTP 400, but the response is HTTP 404; HTTP 404 expects NOT_FOUND$/,
  },
  {
    title: 'the RPC code 5 in error.code on HTTP 404',
    body: envelope(5, 'NOT_FOUND'),
    httpStatus: 404,
    violations: ['envelope-code-equals-http-status /error/code'],
    message: /error\.code is 5 but the response is HTTP 404.*google\.rpc\.Code NOT_FOUND/,
  },
  {
    title: 'error.code 400 on HTTP 404',
    body: envelope(400, 'NOT_FOUND'),
    httpStatus: 404,
    violations: ['envelope-code-equals-http-status /error/code'],
    message:
      /^error\.code is 400 but the response is HTTP 404; error\.code must repeat the HTTP status$/,
  },
  {
    title: 'NOT_FOUND on HTTP 400, listing all three names',
    body: envelope(400, 'NOT_FOUND'),
    httpStatus: 400,
    violations: ['envelope-status-matches-http-status /error/status'],
    message: /HTTP 400 expects INVALID_ARGUMENT, FAILED_PRECONDITION or OUT_OF_RANGE$/,
  },
  {
    title: 'a status name that is not a google.rpc.Code',
    body: envelope(404, 'not_found'),
    httpStatus: 404,
    violations: ['envelope-status-matches-http-status /error/status'],
    message: /error\.status is "not_found", not a google\.rpc\.Code name/,
  },
  {
    title: 'any status on an HTTP status no RPC code maps to',
    body: envelope(502, 'UNAVAILABLE'),
    httpStatus: 502,
    violations: ['envelope-status-matches-http-status /error/status'],
    message: /no google\.rpc\.Code maps to HTTP 502$/,
  },
  {
    title: 'a body without error',
    body: { code: 404, status: 'NOT_FOUND' },
    httpStatus: 404,
    violations: ['schema /error', 'unknown-field /code', 'unknown-field /status'],
  },
  {
    title: 'a missing message and status',
    body: { error: { code: 404 } },
    httpStatus: 404,
    violations: ['schema /error/message', 'schema /error/status'],
  },
  {
    title: 'a string code',
    body: envelope('404', 'NOT_FOUND'),
    httpStatus: 404,
    violations: ['schema /error/code'],
  },
  {
    title: 'the legacy errors array',
    body: envelope(404, 'NOT_FOUND', { errors: [] }),
    httpStatus: 404,
    violations: ['unknown-field /error/errors'],
  },
  {
    title: 'details without @type',
    body: envelope(404, 'NOT_FOUND', { details: [{ reason: 'X' }] }),
    httpStatus: 404,
    violations: ['schema /error/details/0/@type'],
  },
];

describe('validateErrorEnvelope', () => {
  for (const { title, body, httpStatus } of valid) {
    it(`accepts ${title}`, () => {
      expect(validateErrorEnvelope(body, httpStatus)).toEqual([]);
    });
  }

  for (const { title, body, httpStatus, violations, message } of invalid) {
    it(`rejects ${title}`, () => {
      const actual = validateErrorEnvelope(body, httpStatus);
      expectViolations(actual, violations, message);
    });
  }

  it('throws a DATA error, not a violation, for an impossible HTTP status', () => {
    expect(() => validateErrorEnvelope(envelope(404, 'NOT_FOUND'), 40.4)).toThrow(
      expect.toSatisfy((error) => isLroError(error) && error.code === 'DATA'),
    );
  });
});
