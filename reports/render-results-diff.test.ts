/** The behaviour-drift renderers print only what changed, and never a credential. */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { diffResults, withChanges } from './diff-results.ts';
import { CELLS, SECRET_TOKEN, sampleResults } from './fixtures/sample-results.ts';
import { renderResultsDiff } from './render-results-diff.ts';

const CANCEL = 'cancel/cancelled-operation-has-error-code-1';

const failing = sampleResults(
  CELLS.map((cell) =>
    cell.service === 'adsdatahub' && cell.clause === CANCEL ? { ...cell, outcome: 'FAIL' } : cell,
  ),
);
const diff = withChanges(
  diffResults(sampleResults(), failing),
  [
    {
      kind: 'expectation-expired',
      level: 'changed',
      service: 'checks',
      clause: CANCEL,
      before: 'FAIL',
      after: 'FAIL',
      detail: `expired on 2026-01-01: see https://x.invalid/?access_token=${SECRET_TOKEN}`,
    },
  ],
  failing,
);

describe('renderResultsDiff', () => {
  it('prints both runs, each change and the verdict as text', () => {
    const text = renderResultsDiff(diff, 'text');
    expect(text).toContain('  baseline: embedded (reference cancelMode honor, cancelDelayMs 0)');
    expect(text).toContain(`BREAKING  outcome-changed  adsdatahub  ${CANCEL} (MUST)  PASS -> FAIL`);
    expect(text).toContain(`CHANGED   expectation-expired  checks  ${CANCEL}  FAIL -> FAIL`);
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      'behaviour drift: 1 breaking, 1 changed, 0 info',
    );
    expect(text).not.toContain(SECRET_TOKEN);
  });

  it('says so in one line when nothing changed', () => {
    const none = renderResultsDiff(diffResults(sampleResults(), sampleResults()), 'text');
    expect(none.trimEnd().split('\n').at(-1)).toBe('no behaviour drift in 6 cells');
    expect(none).not.toMatch(/BREAKING|CHANGED|INFO/);
  });

  it('writes a Markdown table for job summaries', () => {
    const markdown = renderResultsDiff(diff, 'markdown');
    expect(markdown).toContain('**behaviour drift: 1 breaking, 1 changed, 0 info**');
    expect(markdown).toContain(
      `| breaking | \`outcome-changed\` | adsdatahub | \`${CANCEL}\` | PASS | FAIL |  |`,
    );
    expect(markdown).not.toContain(SECRET_TOKEN);
  });

  it('renders text from either results file as text in Markdown', () => {
    const hostile = withChanges(
      diffResults(sampleResults(), failing),
      [
        {
          kind: 'expectation-expired',
          level: 'changed',
          service: 'evil<b>|svc',
          clause: 'cancel/`x`|y',
          detail: '<img src=x onerror=alert(1)> [click](javascript:alert(2))\n# heading',
        },
      ],
      failing,
    );
    const html = new MarkdownIt({ html: true }).render(renderResultsDiff(hostile, 'markdown'));
    expect(html).not.toMatch(/<(img|a|b)\b/);
    expect(html).toContain(
      '&lt;img src=x onerror=alert(1)&gt; [click](javascript:alert(2)) # heading',
    );
    const row = html.split('<tr>').find((r) => r.includes('evil'));
    expect(row?.match(/<td/g)).toHaveLength(7);
  });

  it('writes the diff itself as JSON', () => {
    expect(JSON.parse(renderResultsDiff(diff, 'json'))).toEqual(JSON.parse(JSON.stringify(diff)));
  });
});
