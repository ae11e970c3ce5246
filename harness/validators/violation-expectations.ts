/**
 * Shared by the validators' table tests: violations compared as sorted `rule path` lines, and
 * an optional message pattern that one of them must match.
 */
import { expect } from 'vitest';
import type { Violation } from './violation.ts';

/** `rule path` for each violation, sorted, so tables can list them in any order. */
export const located = (violations: readonly Violation[]) =>
  violations.map(({ rule, path }) => `${rule} ${path}`).sort();

export function expectViolations(
  actual: readonly Violation[],
  expected: readonly string[],
  message?: RegExp,
): void {
  expect(located(actual)).toEqual([...expected].sort());
  if (message) {
    expect(actual.map((violation) => violation.message)).toContainEqual(
      expect.stringMatching(message),
    );
  }
}
