import { describe, expect, it } from 'vitest';
import { listClauseIds } from '../plan/suite-catalogue.ts';
import { CLAUSE_RELIANCE, clausesRelyingOn, SURFACE_PARTS } from './clause-reliance.ts';

describe('clause reliance', () => {
  const ids = listClauseIds();

  it.for(SURFACE_PARTS.flatMap((part) => CLAUSE_RELIANCE[part].map((prefix) => [part, prefix])))(
    '%s: %s still names a clause (rename the entry with the suite file)',
    ([, prefix]) => {
      expect(ids.some((id) => id.startsWith(prefix ?? ''))).toBe(true);
    },
  );

  it('lists the clauses of a part in catalogue order, and none for no part', () => {
    expect(clausesRelyingOn('cancel-response', ids)).toEqual([
      'cancel/success-body-is-empty',
      'cancel/success-body-is-empty-json-object',
    ]);
    expect(clausesRelyingOn(undefined, ids)).toEqual([]);
  });
});
