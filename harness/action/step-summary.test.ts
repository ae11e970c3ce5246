/**
 * The step summary GitHub renders: matrix.md as written, or, past the size limit, the same
 * report without the folded evidence; either way text from a target or a results file renders
 * as text (markdown-it, CommonMark with GitHub's tables and raw HTML allowed).
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { renderMatrixMarkdown } from '#reports';
import { failingRun } from '../../reports/fixtures/failing-run.ts';
import { HOSTILE_SERVICE, hostileRun } from '../../reports/fixtures/hostile-run.ts';
import { failedRunSummary, stepSummary } from './step-summary.ts';

const github = new MarkdownIt({ html: true });

/** Elements the target's text would make if it reached the summary raw. */
function hostileMarkup(markdown: string): string[] {
  return [...github.render(markdown).matchAll(/<(img|script|a|i|b)\b[^>]*>/g)].map((m) => m[0]);
}

describe('stepSummary', () => {
  it('is matrix.md when it fits', () => {
    const matrix = renderMatrixMarkdown(failingRun());
    expect(stepSummary(failingRun(), matrix)).toBe(matrix);
  });

  it('past the limit, keeps the findings and their reproductions and leaves out the evidence', () => {
    const results = failingRun();
    const matrix = renderMatrixMarkdown(results);
    const summary = stepSummary(results, matrix, matrix.length - 1);
    expect(Buffer.byteLength(summary)).toBeLessThan(matrix.length);
    expect(summary).toContain('## Failures and undecided cells, grouped by cause (4)');
    expect(summary).toContain(
      'npx lro-conformance run --target http://127.0.0.1:5555 --service checks --clause cancel/cancelled-operation-has-error-code-1',
    );
    expect(summary).toContain('in the uploaded report: this summary is limited to 1 MiB');
    expect(summary).not.toContain('<details>');
    expect(summary).toContain('## Matrix');
  });

  it('renders the text of a hostile run as text, in full and past the limit', () => {
    const results = hostileRun();
    const matrix = renderMatrixMarkdown(results);
    for (const summary of [stepSummary(results, matrix), stepSummary(results, matrix, 2_000)]) {
      expect(hostileMarkup(summary)).toEqual([]);
      expect(github.render(summary)).toContain('evil&lt;b&gt;|svc');
    }
    expect(HOSTILE_SERVICE).toContain('<b>');
  });
});

describe('failedRunSummary', () => {
  it("renders the CLI's complaint as text", () => {
    const summary = failedRunSummary(
      3,
      'lro-conformance run: target said <img src=x onerror=alert(1)> [x](javascript:y)',
    );
    expect(hostileMarkup(summary)).toEqual([]);
    expect(github.render(summary)).toContain(
      '&lt;img src=x onerror=alert(1)&gt; [x](javascript:y)',
    );
  });
});
