/**
 * Markdown building blocks shared by matrix.md and docs/CONFORMANCE.md (CommonMark,
 * https://spec.commonmark.org/0.31.2/, with GitHub's table extension).
 */

/** A table cell: a pipe would end the cell, a newline the row. */
export function tableText(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll(/\r?\n/g, ' ');
}

/** A fence longer than any backtick run in the content, so a body cannot close it early. */
export function fenced(info: string, content: string): string {
  const longest = Math.max(2, ...[...content.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${content}\n${fence}`;
}

/** Every line quoted, blank lines included, so a multi-paragraph quote stays one blockquote. */
export function blockquote(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line.trimEnd()}`))
    .join('\n');
}

/** Characters that open inline Markdown, HTML, entities, table cells or math (GitHub's `$`). */
const INLINE_MARKUP = /[\\`*_[\]<>&|~$#]/g;

/** Markers that open a block when they start a line: headings, quotes, lists, setext lines. */
const BLOCK_START = /^(\s*)([-+=>]|\d+(?=[.)]))/;

/** Controls other than tab: not text (a terminal escape in a summary is noise at best). */
const NOT_TEXT = /[^\P{Cc}\t]/gu;

/**
 * Text from a target or a results file as inline Markdown that renders as the same text: every
 * character that could start a link, an image, raw HTML, an entity, emphasis, a code span, a
 * table cell or math is backslash-escaped (CommonMark §2.4: any ASCII punctuation may be), a
 * line break becomes a space, so the text stays in its paragraph, list item or table cell, and
 * other control characters become U+FFFD. A bare http(s) URL stays text that GitHub may link, as
 * it links any URL in prose: never a `javascript:` link, image or element.
 */
export function markdownText(text: string): string {
  const escaped = text
    .replaceAll(INLINE_MARKUP, '\\$&')
    .replaceAll(/\r?\n|\r/g, ' ')
    .replaceAll(NOT_TEXT, '\uFFFD');
  return escaped.replace(BLOCK_START, (_, space: string, marker: string) =>
    /^\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`,
  );
}

/** A blockquote of text from a target or a results file: every line escaped as markdownText. */
export function quotedText(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => (line.trim() === '' ? '>' : `> ${markdownText(line.trimEnd())}`))
    .join('\n');
}

/**
 * A code span that no backtick in the text can close (CommonMark §6.1), for ids. In a table cell
 * pass it through tableText too: GitHub splits cells on a pipe even inside code.
 */
export function codeSpan(text: string): string {
  const flat = text.replaceAll(/\r?\n|\r/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
