import { describe, expect, it } from 'vitest';
import type { ExpectedError } from './define-clause.ts';
import { checkExpectedError } from './expected-error.ts';
import type { HttpResult } from './lro-client.ts';

function answer(status: number, json: unknown): HttpResult {
  const text = json === undefined ? '' : JSON.stringify(json);
  return { url: 'https://h.test/v1/x', status, headers: new Headers(), text, json };
}

function envelope(code: number, status: string) {
  return { error: { code, message: 'Something was wrong.', status } };
}

const NOT_FOUND: ExpectedError = { httpStatus: 404, status: 'NOT_FOUND' };
const MALFORMED: readonly ExpectedError[] = [
  { httpStatus: 400, status: 'INVALID_ARGUMENT' },
  NOT_FOUND,
];

describe('checkExpectedError', () => {
  it.for([
    ['a single expectation', NOT_FOUND, answer(404, envelope(404, 'NOT_FOUND'))],
    ['the first alternative', MALFORMED, answer(400, envelope(400, 'INVALID_ARGUMENT'))],
    ['the second alternative', MALFORMED, answer(404, envelope(404, 'NOT_FOUND'))],
    [
      'an envelope with details',
      NOT_FOUND,
      answer(404, {
        error: {
          ...envelope(404, 'NOT_FOUND').error,
          details: [
            {
              '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
              reason: 'OPERATION_NOT_FOUND',
              domain: 'example.googleapis.com',
            },
          ],
        },
      }),
    ],
  ] as const)('accepts a matching answer: %s', ([, expected, result]) => {
    expect(checkExpectedError(result, expected)).toBeUndefined();
  });

  it('accepts any of several statuses that share one HTTP status', () => {
    const expected: readonly ExpectedError[] = [
      { httpStatus: 400, status: 'INVALID_ARGUMENT' },
      { httpStatus: 400, status: 'FAILED_PRECONDITION' },
    ];
    expect(
      checkExpectedError(answer(400, envelope(400, 'INVALID_ARGUMENT')), expected),
    ).toBeUndefined();
    expect(
      checkExpectedError(answer(400, envelope(400, 'FAILED_PRECONDITION')), expected),
    ).toBeUndefined();
    expect(checkExpectedError(answer(400, envelope(400, 'OUT_OF_RANGE')), expected)).toMatch(
      /OUT_OF_RANGE/,
    );
  });

  it.for([
    ['a success', NOT_FOUND, answer(200, {}), 'expected 404 NOT_FOUND, got HTTP 200: {}'],
    [
      'another error status',
      NOT_FOUND,
      answer(403, envelope(403, 'PERMISSION_DENIED')),
      'expected 404 NOT_FOUND, got HTTP 403: {"error":{"code":403',
    ],
    [
      'a status outside the alternatives',
      MALFORMED,
      answer(500, envelope(500, 'INTERNAL')),
      'expected 400 INVALID_ARGUMENT or 404 NOT_FOUND, got HTTP 500',
    ],
    ['an empty body', NOT_FOUND, answer(501, undefined), 'got HTTP 501: (empty body)'],
  ] as const)('refuses %s, quoting the status and body', ([, expected, result, message]) => {
    expect(checkExpectedError(result, expected)).toContain(message);
  });

  it.for([
    ['no body', undefined, /^expected an AIP-193 error envelope \(404 NOT_FOUND\), got:\n- \[/],
    ['a bare string', 'Not Found', /AIP-193 error envelope/],
    [
      'an envelope whose code is the RPC code',
      envelope(5, 'NOT_FOUND'),
      /envelope-code-equals-http-status/,
    ],
    [
      'an envelope without status',
      { error: { code: 404, message: 'no' } },
      /AIP-193 error envelope/,
    ],
  ] as const)('refuses the right HTTP status with %s', ([, json, message]) => {
    expect(checkExpectedError(answer(404, json), NOT_FOUND)).toMatch(message);
  });

  it('refuses a consistent envelope that names another code of the same HTTP status', () => {
    const result = answer(400, envelope(400, 'FAILED_PRECONDITION'));
    expect(checkExpectedError(result, MALFORMED)).toBe(
      'expected status INVALID_ARGUMENT with HTTP 400, got FAILED_PRECONDITION',
    );
  });

  it('refuses an envelope whose status disagrees with the HTTP status', () => {
    const result = answer(404, envelope(404, 'INVALID_ARGUMENT'));
    expect(checkExpectedError(result, NOT_FOUND)).toMatch(/envelope-status-matches-http-status/);
  });

  it('reports a clause that declares no expectation as a suite bug', () => {
    expect(checkExpectedError(answer(404, envelope(404, 'NOT_FOUND')), undefined)).toBe(
      'the clause declares no expectedError (a suite bug)',
    );
  });

  it('quotes at most 300 characters of an unexpected body', () => {
    const result: HttpResult = {
      url: 'https://h.test/v1/x',
      status: 200,
      headers: new Headers(),
      text: 'x'.repeat(1000),
      json: undefined,
    };
    const message = checkExpectedError(result, NOT_FOUND) ?? '';
    expect(message).toContain('x'.repeat(300));
    expect(message).not.toContain('x'.repeat(301));
  });
});
