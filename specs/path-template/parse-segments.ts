/**
 * The `Segments` production of googleapis `google/api/http.proto` without variables: the body
 * of a variable (`{name=accounts/*\/apps/*}`) and a bare segments template such as a service
 * profile's `nameTemplate`. Shared by parse-path-template.ts and parse-segments-template.ts.
 */
import type { PlainSegment, SegmentsTemplate } from './grammar.ts';
import { isLiteralChar, type TemplateScanner } from './template-scanner.ts';

/** Where segments are being parsed: decides what may follow them and how errors read. */
export type SegmentsContext = 'path' | 'variable' | 'bare';

export const MULTI_WILDCARD_LAST = '"**" must be the last segment';

const SEGMENT_EXPECTED: Record<SegmentsContext, string> = {
  path: 'a segment: a literal, "*", "**" or "{"',
  variable: 'a segment: a literal, "*" or "**"',
  bare: 'a segment: a literal, "*" or "**"',
};

/** What may follow a segment in a variable or bare template: after `**` nothing but the end. */
const FOLLOW_EXPECTED = {
  variable: { segment: '"/" or "}"', multiWildcard: '"}"' },
  bare: { segment: '"/" or end of segments', multiWildcard: 'end of segments' },
} as const;

export function parsePlainSegment(
  scanner: TemplateScanner,
  context: SegmentsContext,
): PlainSegment {
  const char = scanner.peek();
  if (char === '*') {
    scanner.take();
    if (scanner.peek() !== '*') return { kind: 'wildcard' };
    scanner.take();
    return { kind: 'multi-wildcard' };
  }
  if (char !== undefined && isLiteralChar(char))
    return { kind: 'literal', value: scanner.readLiteral() };
  if (char === '{') {
    scanner.fail(
      SEGMENT_EXPECTED[context],
      context === 'variable' ? 'variables do not nest' : 'a segments template has no variables',
    );
  }
  const empty = char === undefined || char === '/' || char === '}' || char === ':';
  scanner.fail(SEGMENT_EXPECTED[context], empty ? 'path segments are never empty' : undefined);
}

/** Parses `Segment { "/" Segment }` up to `}` (variable) or the end of input (bare). */
export function parsePlainSegments(
  scanner: TemplateScanner,
  context: 'variable' | 'bare',
): PlainSegment[] {
  const segments: PlainSegment[] = [];
  for (;;) {
    const segment = parsePlainSegment(scanner, context);
    segments.push(segment);
    const next = scanner.peek();
    const expected = FOLLOW_EXPECTED[context];
    if (segment.kind === 'multi-wildcard') {
      if (isEnd(next, context)) return segments;
      scanner.fail(expected.multiWildcard, next === '/' ? MULTI_WILDCARD_LAST : undefined);
    }
    if (isEnd(next, context)) return segments;
    if (next !== '/') scanner.fail(expected.segment);
    scanner.take();
  }
}

function isEnd(next: string | undefined, context: 'variable' | 'bare'): boolean {
  return context === 'variable' ? next === '}' : next === undefined;
}

export function toSegmentsTemplate(
  source: string,
  segments: readonly PlainSegment[],
): SegmentsTemplate {
  const multiSegment = segments.length > 1 || segments.some((s) => s.kind === 'multi-wildcard');
  return { source, segments, multiSegment };
}

export function endsWithMultiWildcard(segments: readonly PlainSegment[]): boolean {
  return segments.at(-1)?.kind === 'multi-wildcard';
}
