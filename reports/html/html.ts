/**
 * Safe-by-default HTML building: the `html` tag escapes every interpolated value (the five
 * characters the HTML standard's "escaping a string" and attribute quoting need), so text from a
 * target can only ever become text; control characters and lone surrogates, which the HTML
 * standard counts as parse errors, become U+FFFD. Only `SafeHtml` values pass unescaped.
 */

export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | undefined | readonly HtmlValue[];

/** Controls other than tab, newline and carriage return, and lone surrogates: not text. */
const NOT_TEXT = /[^\P{Cc}\t\n\r]|\p{Cs}/gu;

/** Anything escapeHtml changes; most text in a report has none, and is returned as it is. */
const NEEDS_ESCAPING = /[&<>"']|[^\P{Cc}\t\n\r]|\p{Cs}/u;

export function escapeHtml(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text
    .replace(NOT_TEXT, '\uFFFD')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === false || value === true) return '';
  return escapeHtml(String(value));
}

/** A template whose interpolations are escaped unless they are SafeHtml; `false`/`undefined` render nothing. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Only http(s) URLs become links: a `javascript:` or `data:` source ref stays text. */
export function linkableUrl(url: string | undefined): string | undefined {
  return url !== undefined && /^https?:\/\/[^\s]+$/i.test(url) ? url : undefined;
}
