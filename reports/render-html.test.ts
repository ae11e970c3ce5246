import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FAILING_CELLS, failingRun, INJECTION, LEAKED_TOKEN } from './fixtures/failing-run.ts';
import { HOSTILE_SERVICE, hostileRun } from './fixtures/hostile-run.ts';
import { sampleResults } from './fixtures/sample-results.ts';
import { escapeHtml } from './html/html.ts';
import { renderHtmlReport } from './render-html.ts';

function inline(document: string, element: 'style' | 'script'): string {
  const match = new RegExp(`<${element}>([\\s\\S]*?)</${element}>`).exec(document);
  if (match?.[1] === undefined) throw new Error(`no <${element}> in the report`);
  return match[1];
}

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('renderHtmlReport', () => {
  const document = renderHtmlReport(failingRun());

  it('is one self-contained document: no external script, style, font or image', () => {
    expect(document.startsWith('<!doctype html>')).toBe(true);
    expect(document).not.toMatch(/<(link|img|iframe|object|embed|audio|video|source)\b/i);
    expect(document).not.toMatch(/<script[^>]*\ssrc=|@import|url\(|@font-face/i);
    expect(document.match(/<script\b/g)).toHaveLength(1);
  });

  it('allows by CSP exactly its own inline style and script, and nothing from the network', () => {
    const attribute = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(document)?.[1];
    const csp = (attribute ?? '').replaceAll('&#39;', "'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src ${hash(inline(document, 'style'))}`);
    expect(csp).toContain(`script-src ${hash(inline(document, 'script'))}`);
  });

  it('escapes text from the target, so markup in a message stays text', () => {
    expect(document).not.toContain('<script>window.injected');
    expect(document).not.toContain('<img src=x');
    expect(document).toContain(
      '&lt;/script&gt;&lt;script&gt;window.injected = 1&lt;/script&gt;&lt;img src=x onerror=&quot;window.injected = 2&quot;&gt;',
    );
    expect(INJECTION).toContain('</script>');
  });

  it('escapes the text of a target and a results file in attributes and exchange blocks too', () => {
    const hostile = renderHtmlReport(hostileRun());
    expect(hostile).toContain(`data-service="${escapeHtml(HOSTILE_SERVICE)}"`);
    expect(hostile).toContain(`title="${escapeHtml(`${HOSTILE_SERVICE} · `)}`);
    expect(hostile).not.toMatch(/<(img|b|i)\b/);
    expect(hostile.match(/<script\b/g)).toHaveLength(1);
    expect(hostile).toContain('&lt;script&gt;alert(3)&lt;/script&gt;');
  });

  it('leads with the failures, above the filters and the matrix', () => {
    expect(document.indexOf('class="findings"')).toBeLessThan(document.indexOf('class="filters"'));
    expect(document.indexOf('class="findings"')).toBeLessThan(document.indexOf('class="matrix"'));
  });

  it('offers no curl line for a target that answered in-process, and the command instead', () => {
    const inProcess = renderHtmlReport(
      failingRun({
        target: { kind: 'embedded', reference: { cancelMode: 'honor', cancelDelayMs: 0 } },
      }),
    );
    expect(inProcess).not.toContain('Copy curl');
    expect(inProcess).toContain('Copy command');
    expect(document).toContain('Copy curl');
  });

  it('links only http(s) sources', () => {
    expect(document).toContain(
      '<a href="https://developers.google.com/checks/reference/rest/v1alpha/accounts.apps.operations/cancel">Checks API v1alpha: Method: accounts.apps.operations.cancel</a> (seed file 003_0d45fe534da2664f.txt)',
    );
    expect(document).not.toContain('href="javascript:');
    expect(document).toContain('<span class="source-kind">observed</span> javascript:alert(1)');
  });

  it('has a detail for every cell with every exchange, and one evidence block per cause', () => {
    expect(document.match(/<article class="cell-detail"/g)).toHaveLength(FAILING_CELLS.length);
    const exchanges = FAILING_CELLS.reduce((sum, cell) => sum + (cell.evidence?.length ?? 0), 0);
    const groupEvidence = 2 + 1 + 0 + 1; // the representatives of the four groups
    expect(document.match(/<details class="exchange"/g)).toHaveLength(exchanges + groupEvidence);
    expect(document.match(/<section class="finding /g)).toHaveLength(4);
  });

  it('gives every copy button a curl line to copy, with unique ids', () => {
    const targets = [...document.matchAll(/data-copy="([^"]+)"/g)].map((m) => m[1]);
    const ids = [...document.matchAll(/<pre id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(targets.every((target) => ids.includes(target))).toBe(true);
  });

  it('never shows a credential', () => {
    expect(document).not.toContain(LEAKED_TOKEN);
  });

  it('says when the report is partial because the run was interrupted', () => {
    expect(document).not.toContain('Interrupted:');
    expect(renderHtmlReport(failingRun({ interrupted: true }))).toContain(
      'Interrupted: the run was stopped before every cell finished; this report is partial.',
    );
  });

  it('shows a conformant run with no findings section', () => {
    const passing = renderHtmlReport(
      sampleResults([{ service: 'checks', clause: 'c', outcome: 'PASS', strength: 'MUST' }]),
    );
    expect(passing).toContain('class="verdict v-conformant"');
    expect(passing).not.toContain('class="findings"');
  });
});

describe("a cell's sources", () => {
  it("lists its own service's pages and the shared sources, not every service's pages", () => {
    const run = failingRun();
    const [first] = run.results;
    if (first === undefined) throw new Error('the fixture has no cell');
    const page = (service: string) => ({
      kind: 'seed' as const,
      ref: `${service}.txt`,
      title: `the ${service} page`,
      service,
    });
    const clauses = run.clauses.map((clause) =>
      clause.id === first.clause
        ? {
            ...clause,
            sources: [
              page(first.service),
              page('another-service'),
              { kind: 'aip' as const, ref: 'https://google.aip.dev/151' },
            ],
          }
        : clause,
    );
    const document = renderHtmlReport({ ...run, clauses, results: [first] });
    expect(document).toContain(`the ${first.service} page`);
    expect(document).toContain('https://google.aip.dev/151');
    expect(document).not.toContain('the another-service page');
  });
});
