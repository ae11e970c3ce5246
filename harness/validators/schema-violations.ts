/**
 * Validates a body against one schema of specs/common.openapi.json and turns ajv's errors into
 * `schema` violations whose messages show the offending value. The validators are compiled ahead
 * of time (generated/validators.js, written by tools/generate/common-validators.ts).
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isJsonObject } from '#base';
import * as GENERATED from './generated/validators.js';
import { describeValue, pointerToken, type Violation } from './violation.ts';

/** The shared components that get a validator compiled ahead of time. */
export const COMMON_SCHEMA_NAMES = [
  'Any',
  'Status',
  'Operation',
  'Empty',
  'CancelOperationRequest',
  'WaitOperationRequest',
  'ListOperationsResponse',
  'Code',
  'ErrorInfo',
  'ErrorEnvelope',
] as const;

/** The shared components (specs/common.openapi.json `components.schemas`). */
export type CommonSchemaName = (typeof COMMON_SCHEMA_NAMES)[number];

/** One generated validator per name of COMMON_SCHEMA_NAMES. */
const VALIDATORS: Readonly<Record<CommonSchemaName, ValidateFunction>> = { ...GENERATED };

/**
 * Schema violations of `body` against the named component. `basePath` prefixes the paths when
 * `body` is a part of a larger document (an ErrorInfo inside `error.details`).
 */
export function schemaViolations(
  name: CommonSchemaName,
  body: unknown,
  basePath = '',
): readonly Violation[] {
  const validate = VALIDATORS[name];
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => toViolation(error, basePath));
}

/** google.protobuf.Empty: the JSON body `{}` and nothing else. */
export function validateEmpty(body: unknown): readonly Violation[] {
  return schemaViolations('Empty', body);
}

function toViolation(error: ErrorObject, basePath: string): Violation {
  const path = basePath + error.instancePath;
  const { params } = error;
  switch (error.keyword) {
    case 'required':
      return schema(
        `${path}/${pointerToken(String(params.missingProperty))}`,
        'is required but missing',
      );
    case 'additionalProperties': {
      // The proto3 JSON mapping lets parsers ignore unknown fields, and Google's clients do: a
      // finding worth a warning, not a violation.
      const property = String(params.additionalProperty);
      const value = isJsonObject(error.data) ? error.data[property] : undefined;
      return {
        rule: 'unknown-field',
        path: `${path}/${pointerToken(property)}`,
        message: `is not a field of the message (got ${describeValue(value)}); clients that ignore unknown fields, as Google's do, read past it`,
      };
    }
    case 'enum':
      return schema(
        path,
        `must be one of ${listOf(params.allowedValues)}, got ${describeValue(error.data)}`,
      );
    case 'const':
      return schema(
        path,
        `must be ${JSON.stringify(params.allowedValue)}, got ${describeValue(error.data)}`,
      );
    default:
      return schema(
        path,
        `${error.message ?? `fails ${error.keyword}`}, got ${describeValue(error.data)}`,
      );
  }
}

function schema(path: string, message: string): Violation {
  return { rule: 'schema', path, message };
}

function listOf(values: unknown): string {
  return Array.isArray(values) ? values.map((value) => String(value)).join(', ') : String(values);
}
