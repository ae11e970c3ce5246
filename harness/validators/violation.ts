/**
 * The one result shape every validator returns: a list of violations, empty when the body is
 * valid. `path` is an RFC 6901 JSON Pointer into the validated body (`''` is the body itself).
 */
import { isJsonObject } from '#base';

export interface Violation {
  /** Stable kebab-case rule id, a key of VALIDATION_RULES. */
  readonly rule: string;
  readonly path: string;
  /** What was wrong with the actual value. */
  readonly message: string;
}

/** Unknown fields are reported as warnings (proto3 JSON ignores them); the rest stay violations. */
export function splitUnknownFields(all: readonly Violation[]): {
  readonly violations: readonly Violation[];
  readonly unknownFields: readonly Violation[];
} {
  return {
    violations: all.filter((violation) => violation.rule !== 'unknown-field'),
    unknownFields: all.filter((violation) => violation.rule === 'unknown-field'),
  };
}

/** One line per violation, for assertion and report messages. */
export function formatViolations(violations: readonly Violation[]): string {
  if (violations.length === 0) return 'no violations';
  return violations
    .map(({ rule, path, message }) => `- [${rule}] ${path === '' ? '(body)' : path}: ${message}`)
    .join('\n');
}

/**
 * Drops the schema violations at a path that a rule already reports: for a leaf value the rule
 * says more ("looks like an HTTP status, expected 5") than the schema ("must be <= 16").
 */
export function supersedeSchema(
  schema: readonly Violation[],
  rules: readonly Violation[],
): Violation[] {
  const ruled = new Set(rules.map((violation) => violation.path));
  return schema.filter((violation) => !ruled.has(violation.path));
}

/** Escapes one JSON Pointer reference token (RFC 6901 section 3). */
export function pointerToken(token: string | number): string {
  return String(token).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** A short, type-revealing rendering of an actual value for messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') {
    const quoted = JSON.stringify(value);
    return quoted.length > 80 ? `${quoted.slice(0, 76)}..."` : quoted;
  }
  if (Array.isArray(value)) return `an array of ${value.length} item(s)`;
  if (isJsonObject(value)) {
    const keys = Object.keys(value);
    return keys.length === 0 ? 'an empty object' : `an object with keys ${keys.join(', ')}`;
  }
  return String(value);
}
