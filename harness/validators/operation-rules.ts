/**
 * google.longrunning.Operation (googleapis google/longrunning/operations.proto): "If `done` ==
 * `false`, neither `error` or `response` is set. If `done` == `true`, exactly one of `error` or
 * `response` can be set. Some services might not provide the result." Proto3 JSON omits a false
 * `done`, so an absent `done` means false, and a null member means unset. Inside `error` the code
 * is a google.rpc.Code, and not OK: google/rpc/code.proto says OK (0) is "not an error", and an
 * omitted code is 0. Every Any (`metadata`, `response`, `error.details`) is checked as the proto3
 * JSON mapping defines it (any-rules.ts). Call it on `withoutNulls(body)`.
 */

import { isJsonObject } from '#base';
import { operationAnyViolations } from './any-rules.ts';
import { schemaViolations } from './schema-violations.ts';
import { rpcCodeViolations } from './status-rules.ts';
import { describeValue, supersedeSchema, type Violation } from './violation.ts';

export function validateOperation(body: unknown): readonly Violation[] {
  if (!isJsonObject(body)) return schemaViolations('Operation', body);
  const codeRule = isJsonObject(body.error)
    ? rpcCodeViolations(
        body.error.code,
        '/error/code',
        'operation-error-code-is-rpc-code',
        'Operation.error.code',
      )
    : [];
  const ruled = [...codeRule, ...operationAnyViolations(body)];
  return [
    ...supersedeSchema(schemaViolations('Operation', body), ruled),
    ...resultViolations(body),
    ...ruled,
    ...notOkViolations(body.error),
  ];
}

/** An error whose code is absent or 0 is OK, which is no error at all. */
function notOkViolations(error: unknown): readonly Violation[] {
  if (!isJsonObject(error) || (error.code !== undefined && error.code !== 0)) return [];
  return [
    {
      rule: 'operation-error-code-is-not-ok',
      path: '/error/code',
      message: `error.code is ${error.code === undefined ? 'absent, which means 0' : '0'} (OK), which is not an error: a failed or cancelled operation carries a non-zero google.rpc.Code`,
    },
  ];
}

/** The done/result invariants; skipped when `done` is not a boolean (the schema reports it). */
function resultViolations(operation: Record<string, unknown>): readonly Violation[] {
  const { done, error, response } = operation;
  if (done !== undefined && typeof done !== 'boolean') return [];
  if (done === true) {
    if (error === undefined || response === undefined) return [];
    return [
      {
        rule: 'operation-done-has-at-most-one-result',
        path: '',
        message: `done is true but both error (${describeError(error)}) and response (${describeResponse(response)}) are set; at most one may be`,
      },
    ];
  }
  const doneText = done === undefined ? 'done is absent (false)' : 'done is false';
  const set: Violation[] = [];
  if (error !== undefined) {
    set.push({
      rule: 'operation-running-has-no-result',
      path: '/error',
      message: `${doneText} but error is set (${describeError(error)})`,
    });
  }
  if (response !== undefined) {
    set.push({
      rule: 'operation-running-has-no-result',
      path: '/response',
      message: `${doneText} but response is set (${describeResponse(response)})`,
    });
  }
  return set;
}

function describeError(error: unknown): string {
  if (!isJsonObject(error)) return describeValue(error);
  return error.code === undefined ? 'code absent, i.e. 0' : `code ${describeValue(error.code)}`;
}

function describeResponse(response: unknown): string {
  if (!isJsonObject(response)) return describeValue(response);
  const type = response['@type'];
  return type === undefined ? 'no @type' : `@type ${describeValue(type)}`;
}
