/**
 * Which body fields each operations method accepts, and the 400 INVALID_ARGUMENT a bad body gets.
 * The request messages come from `google/longrunning/operations.proto`: CancelOperationRequest has
 * only `name` (already bound by the path), WaitOperationRequest adds `timeout`. GET and DELETE
 * bodies are ignored, as transcoding binds no body for them.
 */
import { BAD_REQUEST_TYPE } from '#specs';
import { errorResponse } from './error-envelope.ts';
import type { ModelResponse } from './model-request.ts';
import { type BodyField, DURATION_FIELD, readRequestBody, STRING_FIELD } from './request-body.ts';
import type { Route } from './route.ts';

const BODY_FIELDS: Readonly<Record<string, Readonly<Record<string, BodyField>>>> = {
  cancel: { name: STRING_FIELD },
  wait: { name: STRING_FIELD, timeout: DURATION_FIELD },
};

/** `undefined` when the body is acceptable, else the error response. */
export function readBodyFor(route: Route, body: string | undefined): ModelResponse | undefined {
  if (route.method.httpMethod !== 'POST') return undefined;
  const result = readRequestBody(body, BODY_FIELDS[route.method.verb] ?? {});
  if (result.ok) return undefined;
  return errorResponse(
    'INVALID_ARGUMENT',
    result.message,
    {
      reason: 'INVALID_REQUEST_BODY',
      domain: route.profile.host,
      metadata: { method: route.method.id },
    },
    {
      details: [
        {
          '@type': BAD_REQUEST_TYPE,
          fieldViolations: result.violations.map((violation) => ({
            field: violation.field,
            description: violation.description,
          })),
        },
      ],
    },
  );
}
