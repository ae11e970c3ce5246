/**
 * The matching rule shared by `matchName` and `matchPath` (googleapis `google/api/http.proto`):
 * "The syntax `*` matches a single URL path segment. The syntax `**` matches zero or more URL
 * path segments, which must be the last part of the URL path except the `Verb`." Segments are
 * never empty, so `a//b` and a trailing `/` never match.
 */
import type { PlainSegment } from './grammar.ts';

/** The parts `[start, end)` one template segment consumed. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Aligns path parts with template segments; returns one span per segment, or undefined when the
 * parts do not fit. Relies on the parser's guarantee that `**` can only be last.
 */
export function alignSegments(
  segments: readonly PlainSegment[],
  parts: readonly string[],
  literalMatches: (part: string, literal: string) => boolean,
): Span[] | undefined {
  const variadic = segments.at(-1)?.kind === 'multi-wildcard';
  const fixed = variadic ? segments.length - 1 : segments.length;
  if (variadic ? parts.length < fixed : parts.length !== fixed) return undefined;
  if (parts.some((part) => part === '')) return undefined;

  const spans: Span[] = [];
  for (const [index, segment] of segments.entries()) {
    if (segment.kind === 'multi-wildcard') {
      spans.push({ start: index, end: parts.length });
      continue;
    }
    const part = parts[index];
    if (part === undefined) return undefined;
    if (segment.kind === 'literal' && !literalMatches(part, segment.value)) return undefined;
    spans.push({ start: index, end: index + 1 });
  }
  return spans;
}

/** A resource name's parts; the empty name has none (what `**` alone can match). */
export function splitName(name: string): string[] {
  return name === '' ? [] : name.split('/');
}
