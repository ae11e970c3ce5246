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
