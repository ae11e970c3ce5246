/**
 * Reading an Operation off a GetOperation answer the way a proto3 JSON client does
 * (https://protobuf.dev/programming-guides/json/): null members are unset, an absent `done` is
 * false, key order is irrelevant and unknown fields are ignored (reported as a warning). What a
 * client cannot interpret at all (not 200, not a JSON object, no name, a field of the wrong type,
 * an error envelope under 200, a result while not done) is a conformance failure. The finer
 * invariants of google/longrunning/operations.proto are checked by the clause about the
 * Operation's shape.
 */
import { isJsonObject } from '#base';
import type { OperationJson } from '#specs';
import { withoutNulls } from '../validators/index.ts';
import type { HttpResult } from './lro-client.ts';
import { ConformanceFailure } from './outcome-signal.ts';

const OPERATION_FIELDS = new Set(['name', 'metadata', 'done', 'error', 'response']);
const STATUS_FIELDS = new Set(['code', 'message', 'details']);

export interface ReadOperation {
  readonly operation: OperationJson;
  /** Fields the message does not define: ignored, as clients ignore them. */
  readonly unknownFields: readonly string[];
}

export function readOperation(result: HttpResult, name: string): ReadOperation {
  const fail = (why: string) =>
    new ConformanceFailure(`GetOperation ${name} ${why}`, { rootCause: 'get-unreadable' });
  if (result.status !== 200) {
    throw new ConformanceFailure(
      `GetOperation ${name} answered ${result.status}, expected 200: ${result.text.slice(0, 300) || '(empty body)'}`,
      { rootCause: `get-answers-${result.status}` },
    );
  }
  const body = withoutNulls(result.json);
  if (!isJsonObject(body))
    throw fail(`answered 200 with ${describeBody(result)}, not an Operation`);
  if (
    Object.keys(body).length === 1 &&
    isJsonObject(body.error) &&
    typeof body.error.status === 'string'
  ) {
    throw fail('answered an AIP-193 error envelope under HTTP 200: an error needs an error status');
  }
  if (typeof body.name !== 'string' || body.name === '')
    throw fail('answered an Operation without a name');
  if (body.done !== undefined && typeof body.done !== 'boolean') {
    throw fail(`answered done ${JSON.stringify(body.done)}, not a boolean`);
  }
  for (const field of ['metadata', 'error', 'response'] as const) {
    if (body[field] !== undefined && !isJsonObject(body[field])) {
      throw fail(`answered ${field} ${JSON.stringify(body[field])}, not an object`);
    }
  }
  const error = body.error as Record<string, unknown> | undefined;
  if (error?.code !== undefined && !Number.isInteger(error.code)) {
    throw fail(`answered error.code ${JSON.stringify(error.code)}, not an integer`);
  }
  // "If done == false, neither error nor response is set": a result without `done` cannot be
  // read as running (a client polling it would wait forever) nor as done.
  if (body.done !== true && (body.error !== undefined || body.response !== undefined)) {
    throw new ConformanceFailure(
      `GetOperation ${name} answered ${body.error === undefined ? 'a response' : 'an error'} while done is ${body.done === undefined ? 'absent (false)' : 'false'}: operations.proto says "If done == false, neither error nor response is set"`,
      { rootCause: 'result-while-not-done' },
    );
  }
  const unknownFields = [
    ...Object.keys(body).filter((key) => !OPERATION_FIELDS.has(key)),
    ...Object.keys(error ?? {})
      .filter((key) => !STATUS_FIELDS.has(key))
      .map((key) => `error.${key}`),
  ];
  return { operation: body as OperationJson, unknownFields };
}

function describeBody(result: HttpResult): string {
  if (result.text.trim() === '') return 'an empty body';
  return result.json === undefined
    ? `a body that is not JSON (${result.text.slice(0, 80)})`
    : result.text.slice(0, 120);
}
