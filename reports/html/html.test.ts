import { describe, expect, it } from 'vitest';
import { escapeHtml, html, SafeHtml } from './html.ts';

describe('escapeHtml', () => {
  it('returns text without markup characters as it is', () => {
    expect(escapeHtml('operations/abc-123: done\tin 2 s\r\n')).toBe(
      'operations/abc-123: done\tin 2 s\r\n',
    );
  });

  it.for([
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['"', '&quot;'],
    ["'", '&#39;'],
  ])('escapes %s', ([character, escaped]) => {
    expect(escapeHtml(`a${character}b`)).toBe(`a${escaped}b`);
  });

  it('turns controls other than tab and line ends, and lone surrogates, into U+FFFD', () => {
    expect(escapeHtml('a\u0000b\u001bc\u007fd')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
    expect(escapeHtml('x\uD800y')).toBe('x\uFFFDy');
    expect(escapeHtml('\u{1F600}')).toBe('\u{1F600}');
  });
});

describe('html', () => {
  it('escapes interpolations unless they are SafeHtml', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(
      html`<p title="${'"q"'}">${inner}${[' & ', new SafeHtml('<br>')]}${undefined}</p>`.value,
    ).toBe('<p title="&quot;q&quot;"><b>&lt;i&gt;</b> &amp; <br></p>');
  });
});
