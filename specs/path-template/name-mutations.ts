/**
 * Ways to turn a valid resource name into one a segments template (googleapis
 * `google/api/http.proto`) rejects. Each kind is invalid by construction, never by asking the
 * matcher, so tests built on these names can catch a matcher that is too lenient:
 * - `wrong-literal`: a literal before `**` is changed (suffixed, upper-cased or truncated);
 * - `missing-segment`: a segment before `**` is dropped (and any `**` tail, so none can stand in);
 * - `extra-segment`: a segment is inserted (templates without `**`: the count no longer fits);
 * - `empty-segment`: a `*` gets an empty value or an empty segment is inserted (`a//b`, `/a`,
 *   `a/`): segments are never empty.
 * Shared by sample-names.ts (seeded) and name-arbitraries.ts (fast-check).
 */

import { HarnessError } from '#base';
import type { PlainSegment, SegmentsTemplate } from './grammar.ts';

export type InvalidNameKind =
  | 'wrong-literal'
  | 'missing-segment'
  | 'extra-segment'
  | 'empty-segment';

/** The segments before a trailing `**`: the ones every name must fill one to one. */
export function fixedSegments(template: SegmentsTemplate): readonly PlainSegment[] {
  const { segments } = template;
  return segments.at(-1)?.kind === 'multi-wildcard' ? segments.slice(0, -1) : segments;
}

/** The kinds that can make an invalid name for this template, in a stable order. */
export function invalidNameKinds(template: SegmentsTemplate): InvalidNameKind[] {
  const fixed = fixedSegments(template);
  const kinds: InvalidNameKind[] = [];
  if (fixed.some((segment) => segment.kind === 'literal')) kinds.push('wrong-literal');
  if (fixed.length > 0) kinds.push('missing-segment');
  if (fixed.length === template.segments.length) kinds.push('extra-segment');
  kinds.push('empty-segment');
  return kinds;
}

/**
 * Mutates the parts of a valid name. `pick` (any natural number) chooses where and how;
 * `filler` is a non-empty segment value without `/`.
 */
export function mutateNameParts(
  template: SegmentsTemplate,
  validParts: readonly string[],
  kind: InvalidNameKind,
  pick: number,
  filler: string,
): string[] {
  if (!invalidNameKinds(template).includes(kind)) {
    throw new HarnessError(`No ${kind} mutation exists for "${template.source}"`, { code: 'DATA' });
  }
  const parts = [...validParts];
  const fixed = fixedSegments(template);
  switch (kind) {
    case 'wrong-literal': {
      const literals = fixed.flatMap((segment, index) =>
        segment.kind === 'literal' ? [{ index, value: segment.value }] : [],
      );
      const chosen = literals[pick % literals.length];
      if (chosen !== undefined) {
        parts[chosen.index] = changeLiteral(
          chosen.value,
          Math.floor(pick / literals.length),
          filler,
        );
      }
      return parts;
    }
    case 'missing-segment': {
      const kept = parts.slice(0, fixed.length);
      kept.splice(pick % fixed.length, 1);
      return kept;
    }
    case 'extra-segment':
      parts.splice(pick % (parts.length + 1), 0, filler);
      return parts;
    case 'empty-segment': {
      // Half the time a `*` gets an empty value (`accounts//apps/b`); else an empty segment is inserted.
      const wildcards = fixed.flatMap((segment, index) =>
        segment.kind === 'wildcard' ? [index] : [],
      );
      const emptied = wildcards[Math.floor(pick / 2) % wildcards.length];
      if (pick % 2 === 0 && emptied !== undefined) {
        parts[emptied] = '';
        return parts;
      }
      if (parts.length === 0) return ['', ''];
      parts.splice(Math.floor(pick / 2) % (parts.length + 1), 0, '');
      return parts;
    }
  }
}

/** A different literal: a typo-like truncation, a case change (matching is case-sensitive) or a suffix. */
function changeLiteral(literal: string, variant: number, filler: string): string {
  const upper = literal.toUpperCase();
  if (variant % 3 === 1 && upper !== literal) return upper;
  if (variant % 3 === 2 && literal.length > 1) return literal.slice(0, -1);
  return `${literal}${filler}`;
}
