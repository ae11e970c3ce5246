import { describe, expect, it } from 'vitest';
import type { ClauseInfo } from '#reports';
import { catalogueProfiles, type ServiceProfile, seedProfile } from '#specs';
import { clauseApplicability } from './clause-applicability.ts';

const clause = (overrides: Partial<ClauseInfo>): ClauseInfo => ({
  id: 'cancel/a-clause',
  title: 'A clause',
  strength: 'MUST',
  quote: 'A quote.',
  sources: [],
  services: 'all',
  requires: 'control',
  calls: ['cancel', 'get'],
  method: 'Cancels and reads.',
  meanings: { FAIL: 'It failed.' },
  ...overrides,
});

const profileOf = (id: string): ServiceProfile => {
  const found = catalogueProfiles().find((each) => each.id === id) ?? seedProfile(id);
  if (found === undefined) throw new Error(id);
  return found;
};

describe('clauseApplicability', () => {
  it('runs a clause on a service whose surface offers every call it sends', () => {
    expect(clauseApplicability(clause({}), profileOf('checks'))).toEqual({ kind: 'runs' });
    expect(clauseApplicability(clause({}), profileOf('aiplatform'))).toEqual({ kind: 'runs' });
  });

  it('says a clause for other services does not apply', () => {
    expect(clauseApplicability(clause({ services: ['dai'] }), profileOf('checks'))).toEqual({
      kind: 'not-applicable',
      reason: 'the clause applies to dai only',
    });
  });

  it('says why a clause cannot run where the service publishes no get', () => {
    expect(clauseApplicability(clause({}), profileOf('texttospeech'))).toEqual({
      kind: 'cannot-run',
      reason:
        'cannot run on texttospeech: texttospeech publishes no GetOperation beside its cancel of operations/**: nothing can read what a cancel did',
      limit:
        'texttospeech publishes no GetOperation beside its cancel of operations/**: nothing can read what a cancel did',
    });
    expect(clauseApplicability(clause({ calls: ['cancel'] }), profileOf('texttospeech')).kind).toBe(
      'runs',
    );
  });

  it('keeps the body clauses and the GET-on-cancel clause off a cancel bound to GET', () => {
    const datalabeling = profileOf('datalabeling');
    expect(clauseApplicability(clause({ calls: ['cancel-body'] }), datalabeling).kind).toBe(
      'cannot-run',
    );
    expect(
      clauseApplicability(clause({ calls: ['get-on-cancel-url', 'get'] }), datalabeling).kind,
    ).toBe('cannot-run');
    expect(clauseApplicability(clause({ calls: ['cancel', 'get'] }), datalabeling).kind).toBe(
      'runs',
    );
  });
});
