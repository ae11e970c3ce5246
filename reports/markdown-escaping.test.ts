/**
 * matrix.md is rendered by GitHub as the job's step summary: text from a target or a results
 * file must render as that text. markdown-it (CommonMark with GitHub's tables and raw HTML
 * allowed, as GitHub allows it before sanitising) renders the file of a run whose every text is
 * hostile. Its linkify is off: GitHub links bare http(s) URLs in any prose, which is no markup
 * from the target.
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { HOSTILE, HOSTILE_CLAUSE, HOSTILE_SERVICE, hostileRun } from './fixtures/hostile-run.ts';
import { escapeHtml } from './html/html.ts';
import { codeSpan, markdownText, quotedText } from './markdown.ts';
import { renderMatrixMarkdown } from './render-matrix-markdown.ts';

const github = new MarkdownIt({ html: true });

/** The rendered HTML with the fenced code blocks cut out: bodies there are text by nature. */
function renderedOutsideCode(markdown: string): string {
  return github.render(markdown).replaceAll(/<pre><code[\s\S]*?<\/code><\/pre>/g, '');
}

/** Elements and links only our own Markdown may make. */
function markupOf(html: string): string[] {
  return [...html.matchAll(/<(img|script|a|i|b)\b[^>]*>/g)].map((match) => match[0]);
}

describe('markdownText', () => {
  it.for([
    '<img src=x onerror=alert(1)>',
    '[click](javascript:alert(1))',
    '![x](https://evil.test/x.png)',
    '`code` and ``more``',
    '**bold** _em_ ~~strike~~',
    '&lt; &#60; &amp;',
    '<https://evil.test/auto> <mailto:a@b.test>',
    '# heading',
    '- item',
    '1. item',
    '> quote',
    '$x^2$',
    'back\\slash',
  ])('renders %s as itself', (text) => {
    const html = github.renderInline(markdownText(text));
    expect(html).toBe(escapeHtml(text).replaceAll('&#39;', "'"));
  });

  it('keeps a line break from leaving the paragraph', () => {
    expect(github.render(`- ${markdownText('one\n# two\n- three')}`)).toBe(
      '<ul>\n<li>one # two - three</li>\n</ul>\n',
    );
  });

  it('quotes every line of a quote as text', () => {
    expect(github.render(quotedText('a <b>\n\n# c'))).toBe(
      '<blockquote>\n<p>a &lt;b&gt;</p>\n<p># c</p>\n</blockquote>\n',
    );
  });

  it('gives a code span a fence no backtick inside can close', () => {
    expect(github.renderInline(codeSpan('a`b``c'))).toBe('<code>a`b``c</code>');
    expect(github.renderInline(codeSpan('`x'))).toBe('<code>`x</code>');
  });
});

describe('matrix.md of a run whose texts are hostile', () => {
  const markdown = renderMatrixMarkdown(hostileRun());
  const html = renderedOutsideCode(markdown);

  it('renders no element, link or image from the target or the results file', () => {
    expect(markupOf(github.render(markdown))).toEqual([]);
    expect(github.render(markdown)).not.toMatch(/(href|src)="/);
  });

  it('shows the hostile text as text', () => {
    expect(html).toContain(escapeHtml(HOSTILE_SERVICE));
    expect(html).toContain(escapeHtml(HOSTILE_CLAUSE).replaceAll('&#39;', "'"));
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(html).toContain('[click](javascript:alert(2))');
    expect(html).toContain('`code` | cell |');
    expect(HOSTILE).toContain('<script>');
  });

  it('opens no heading, list or table row from a line break in a message or a quote', () => {
    const headings = [...html.matchAll(/<h(\d)>/g)].map((match) => match[1]);
    expect(headings).toEqual(['1', '2', '2', '3', '2', '2']);
    expect(html).not.toMatch(/<(h\d|li)>\s*(heading|item)/);
  });

  it('keeps the matrix one column per service, whatever pipes the ids hold', () => {
    const table = /<table>[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => row[1] ?? '');
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.match(/<t[hd]\b/g)).toHaveLength(3);
  });

  it('keeps a body inside its fence', () => {
    const blocks = github.render(markdown).match(/<pre><code/g) ?? [];
    // the message, the request, the response and the rerun command; no curl line for it rests on nothing else
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    expect(markdown).toContain(HOSTILE);
  });
});
