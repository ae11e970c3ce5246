import { describe, expect, it } from 'vitest';
import { sampleResults } from './fixtures/sample-results.ts';
import { OUTCOMES } from './results-model.ts';
import {
  assertValidRunResults,
  isInvalidResultsError,
  readResultsSchema,
  resultsViolations,
} from './results-schema.ts';

type Json = Record<string, unknown>;

/** A deep copy of the sample with the field at `path` set (or, for `undefined`, deleted). */
function broken(path: readonly (string | number)[], value: unknown): Json {
  const copy = structuredClone(sampleResults()) as unknown as Json;
  const parent = at(copy, ...path.slice(0, -1));
  const key = path.at(-1) ?? '';
  if (value === undefined) delete parent[key];
  else parent[key] = value;
  return copy;
}

function at(value: unknown, ...path: (string | number)[]): Json {
  return path.reduce<unknown>((node, key) => (node as Json)[key], value) as Json;
}

describe('results.schema.json', () => {
  it('accepts a built result with every optional field set', () => {
    expect(resultsViolations(sampleResults())).toEqual([]);
    expect(resultsViolations(JSON.parse(JSON.stringify(sampleResults())))).toEqual([]);
  });

  it('accepts an empty run', () => {
    expect(resultsViolations(sampleResults([]))).toEqual([]);
  });

  it('lists the same outcomes as the model', () => {
    const defs = at(readResultsSchema(), '$defs');
    expect(at(defs, 'Outcome').enum).toEqual([...OUTCOMES]);
    expect(Object.keys(at(defs, 'RunSummary', 'properties', 'counts', 'properties'))).toEqual([
      ...OUTCOMES,
    ]);
  });

  /** `undefined` as the value deletes the field. */
  it.for<[string, (string | number)[], unknown, string]>([
    ['another schema version', ['schemaVersion'], 1, '/schemaVersion'],
    ['an unknown outcome', ['results', 0, 'outcome'], 'MAYBE', '/results/0/outcome'],
    ['an unknown strength', ['clauses', 0, 'strength'], 'MAY', '/clauses/0/strength'],
    ['an unknown source kind', ['clauses', 0, 'sources', 0, 'kind'], 'blog', '/sources/0/kind'],
    ['a missing summary', ['summary'], undefined, 'summary'],
    ['an undeclared field', ['results', 1, 'extra'], true, 'extra'],
    ['a startedAt that is no date-time', ['startedAt'], 'yesterday', '/startedAt'],
    ['a negative count', ['summary', 'counts', 'FAIL'], -1, '/summary/counts/FAIL'],
    ['a missing count', ['summary', 'counts', 'SKIPPED'], undefined, 'SKIPPED'],
    ['another tool name', ['tool', 'name'], 'other', '/tool/name'],
    [
      'services neither "all" nor a list',
      ['clauses', 0, 'services'],
      'some',
      '/clauses/0/services',
    ],
    ['an exchange without curl', ['results', 2, 'evidence', 0, 'curl'], undefined, 'curl'],
    [
      'an HTTP status out of range',
      ['results', 2, 'evidence', 0, 'response', 'status'],
      42,
      '/status',
    ],
    ['an unknown target kind', ['target', 'kind'], 'grpc', '/target/kind'],
  ])('rejects %s', ([, path, value, where]) => {
    const violations = resultsViolations(broken(path, value));
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.join('\n')).toContain(where);
  });

  it('throws an InvalidResultsError that lists the violations', () => {
    let thrown: unknown;
    try {
      assertValidRunResults(broken(['schemaVersion'], 1));
    } catch (error) {
      thrown = error;
    }
    expect(isInvalidResultsError(thrown)).toBe(true);
    expect((thrown as Error).message).toContain('/schemaVersion must be equal to constant');
  });
});
