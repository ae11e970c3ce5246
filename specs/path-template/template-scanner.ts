/**
 * A cursor over template text that turns every parse failure into a `PathTemplateSyntaxError`
 * carrying the 1-based position and what the grammar of `google/api/http.proto` expected there.
 */
import {
  PathTemplateSyntaxError,
  type PathTemplateSyntaxErrorDetails,
} from './path-template-syntax-error.ts';

/**
 * http.proto does not spell out LITERAL; these characters are excluded because they are grammar
 * punctuation (`/ { } = * :`) or end a URL path (`? #`). Whitespace and controls never appear
 * unencoded in a path.
 */
const NOT_LITERAL = /[/{}=*:?#\s\p{Cc}]/u;
const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_]/;

export function isLiteralChar(char: string): boolean {
  return !NOT_LITERAL.test(char);
}

export class TemplateScanner {
  readonly source: string;
  readonly kind: PathTemplateSyntaxErrorDetails['kind'];
  index = 0;

  constructor(source: string, kind: PathTemplateSyntaxErrorDetails['kind']) {
    this.source = source;
    this.kind = kind;
  }

  get atEnd(): boolean {
    return this.index >= this.source.length;
  }

  /** The current character, or `undefined` at the end of input. */
  peek(): string | undefined {
    return this.source[this.index];
  }

  take(): string {
    const char = this.peek();
    if (char === undefined) this.fail('more input');
    this.index += 1;
    return char;
  }

  readWhile(accepts: (char: string) => boolean): string {
    const start = this.index;
    for (let char = this.peek(); char !== undefined && accepts(char); char = this.peek()) {
      this.index += 1;
    }
    return this.source.slice(start, this.index);
  }

  readLiteral(): string {
    return this.readWhile(isLiteralChar);
  }

  /** An IDENT, or '' when the current character cannot start one. */
  readIdent(): string {
    const first = this.peek();
    if (first === undefined || !IDENT_START.test(first)) return '';
    return this.readWhile((char) => IDENT_PART.test(char));
  }

  fail(expected: string, hint?: string, index: number = this.index): never {
    throw new PathTemplateSyntaxError({
      kind: this.kind,
      source: this.source,
      position: index + 1,
      expected,
      ...(hint === undefined ? {} : { hint }),
    });
  }
}
