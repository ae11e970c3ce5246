/**
 * A template that does not follow the grammar of googleapis `google/api/http.proto` (see
 * grammar.ts). The message names the template, the 1-based position of the offending character
 * (as an editor counts columns; the end of input is `source.length + 1`) and what the grammar
 * expected there.
 */
import { HarnessError } from '#base';

export interface PathTemplateSyntaxErrorDetails {
  /** What was being parsed: a full `Template` or the bare `Segments` of a variable. */
  readonly kind: 'path template' | 'segments template';
  readonly source: string;
  /** 1-based position of the offending character. */
  readonly position: number;
  /** What the grammar allows at that position, e.g. `"}"` or `"/" or "}"`. */
  readonly expected: string;
  /** Why, when the grammar alone would not make it obvious (`"**" must be the last segment`). */
  readonly hint?: string;
}

export class PathTemplateSyntaxError extends HarnessError {
  override readonly name: string = 'PathTemplateSyntaxError';
  readonly kind: PathTemplateSyntaxErrorDetails['kind'];
  readonly source: string;
  readonly position: number;
  readonly expected: string;

  constructor(details: PathTemplateSyntaxErrorDetails) {
    const hint = details.hint === undefined ? '' : ` (${details.hint})`;
    super(
      `Invalid ${details.kind} ${JSON.stringify(details.source)} at position ${details.position}: expected ${details.expected}${hint}`,
      { code: 'DATA' },
    );
    this.kind = details.kind;
    this.source = details.source;
    this.position = details.position;
    this.expected = details.expected;
  }
}

export function isPathTemplateSyntaxError(error: unknown): error is PathTemplateSyntaxError {
  return error instanceof PathTemplateSyntaxError;
}
