/** The drift report's counts and its text and Markdown forms, on hand-built changes. */
import { describe, expect, it } from 'vitest';
import type { DriftChange } from './drift-change.ts';
import { buildDriftReport, type ServiceDriftStatus } from './drift-report.ts';
import { renderDriftMarkdown } from './render-drift-markdown.ts';
import { renderDriftText } from './render-drift-text.ts';

const services: ServiceDriftStatus[] = [
  {
    service: 'checks',
    status: 'compared',
    source: 'https://checks.googleapis.com/$discovery/rest?version=v1alpha',
    revision: '20261201',
    baseline: 'specs/services/checks.openapi.json',
  },
  {
    service: 'adsdatahub',
    status: 'unavailable',
    source: 'https://adsdatahub.googleapis.com/$discovery/rest?version=v1',
    baseline: 'specs/services/adsdatahub.openapi.json',
    problem:
      'adsdatahub: https://adsdatahub.googleapis.com/$discovery/rest?version=v1 answered HTTP 403',
  },
];

const info: DriftChange = {
  check: 'query-parameter-added',
  level: 'info',
  service: 'checks',
  subject: 'checks.accounts.apps.operations.list',
  summary: 'query parameter orderBy: new in Discovery (string)',
  before: 'absent',
  after: 'string',
  clauses: [],
};
const text: DriftChange = {
  check: 'quoted-text-changed',
  level: 'breaking',
  service: 'checks',
  subject: 'checks.accounts.apps.operations.cancel description',
  summary: 'the quoted sentence changed: the MUST of cancel/a may no longer hold',
  before: 'The old | sentence.',
  after: 'The new sentence.',
  clauses: ['cancel/a', 'cancel/b', 'cancel/c', 'cancel/d', 'cancel/e', 'cancel/f'],
  quote: 'old | sentence',
};

const report = (changes: DriftChange[], failOn: 'any' | 'breaking' = 'any') =>
  buildDriftReport({ toolVersion: '9.9.9', failOn, services, changes, notes: ['a note'] });

describe('the drift report', () => {
  it('counts levels, what fails under --fail-on and what could not be read', () => {
    expect(report([info, text]).summary).toEqual({
      breaking: 1,
      changed: 0,
      info: 1,
      failing: 2,
      unavailable: 1,
    });
    expect(report([info], 'breaking').summary.failing).toBe(0);
    expect(report([info, text]).changes.map((c) => c.level)).toEqual(['breaking', 'info']);
  });

  it('prints documents, changes with old and new text, and a verdict line', () => {
    const printed = renderDriftText(report([info, text]));
    expect(printed).toContain(
      '  checks      https://checks.googleapis.com/$discovery/rest?version=v1alpha (revision 20261201): 2 changes',
    );
    expect(printed).toContain(
      '  adsdatahub  UNAVAILABLE: adsdatahub: https://adsdatahub.googleapis.com/$discovery/rest?version=v1 answered HTTP 403',
    );
    expect(printed).toContain(
      'BREAKING  quoted-text-changed  checks  checks.accounts.apps.operations.cancel description',
    );
    expect(printed).toContain(
      '          was: The old | sentence.\n          now: The new sentence.',
    );
    expect(printed).toContain('clauses: cancel/a, cancel/b, cancel/c, cancel/d and 2 more');
    expect(printed).toContain('note: a note');
    expect(printed.trimEnd().split('\n').at(-1)).toBe(
      'DRIFT: 1 breaking, 0 changed, 1 info (2 at or above --fail-on any); 1 document could not be read',
    );
  });

  it('says "no drift" in one line when nothing changed', () => {
    expect(renderDriftText(report([])).trimEnd().split('\n').at(-1)).toBe(
      'no drift in 1 document compared; 1 document could not be read',
    );
    expect(renderDriftText(report([info], 'breaking'))).toMatch(
      /\(none at or above --fail-on breaking\)/,
    );
  });

  it('writes Markdown with a table, escaped cells and the text changes spelled out', () => {
    const markdown = renderDriftMarkdown(report([info, text]));
    expect(markdown).toContain('| breaking | `quoted-text-changed` | checks |');
    expect(markdown).toContain('- was: The old \\| sentence.');
    expect(markdown).toContain('### checks: checks.accounts.apps.operations.cancel description');
    expect(markdown).toContain(
      '| info | `query-parameter-added` | checks | `checks.accounts.apps.operations.list` | query parameter orderBy: new in Discovery (string) | none |',
    );
  });
});
