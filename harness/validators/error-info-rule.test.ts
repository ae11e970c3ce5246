import { describe, it } from 'vitest';
import { errorEnvelopeHasErrorInfo } from './error-info-rule.ts';
import { expectViolations } from './fixtures/violation-expectations.ts';

const ERROR_INFO = {
  '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
  reason: 'OPERATION_NOT_FOUND',
  domain: 'datafusion.googleapis.com',
  metadata: { service: 'datafusion.googleapis.com' },
};
const HELP = { '@type': 'type.googleapis.com/google.rpc.Help', links: [] };

const withDetails = (details: unknown) => ({
  error: { code: 404, message: 'Not found.', status: 'NOT_FOUND', details },
});

const rows: ReadonlyArray<{
  title: string;
  body: unknown;
  violations: string[];
  message?: RegExp;
}> = [
  {
    title: 'accepts an ErrorInfo among details',
    body: withDetails([HELP, ERROR_INFO]),
    violations: [],
  },
  {
    title: 'rejects an envelope without details',
    body: { error: { code: 404, message: 'Not found.', status: 'NOT_FOUND' } },
    violations: ['envelope-has-error-info /error/details'],
    message: /^error\.details is nothing, not an array$/,
  },
  {
    title: 'rejects details without an ErrorInfo, naming what is there',
    body: withDetails([HELP]),
    violations: ['envelope-has-error-info /error/details'],
    message: /has no @type type\.googleapis\.com\/google\.rpc\.ErrorInfo; it holds ".*Help"$/,
  },
  {
    title: 'rejects empty details',
    body: withDetails([]),
    violations: ['envelope-has-error-info /error/details'],
    message: /it is empty$/,
  },
  {
    title: 'rejects a body that is not an envelope',
    body: { name: 'operations/1' },
    violations: ['envelope-has-error-info /error'],
  },
  {
    title: 'rejects a malformed ErrorInfo with schema paths inside details',
    body: withDetails([HELP, { ...ERROR_INFO, reason: 'not upper snake', domain: undefined }]),
    violations: ['schema /error/details/1/domain', 'schema /error/details/1/reason'],
  },
];

describe('errorEnvelopeHasErrorInfo', () => {
  for (const { title, body, violations, message } of rows) {
    it(title, () => {
      const actual = errorEnvelopeHasErrorInfo(body);
      expectViolations(actual, violations, message);
    });
  }
});
