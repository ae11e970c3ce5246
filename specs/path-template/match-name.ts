/**
 * Whether a resource name fits a segments template, e.g. `accounts/a/apps/b/operations/c` and
 * `accounts/*\/apps/*\/operations/*` (googleapis `google/api/http.proto`; AIP-122 resource names).
 * The name is already decoded: `/` always separates segments and literals compare exactly.
 */
import { alignSegments, splitName } from './align-segments.ts';
import type { SegmentsTemplate } from './grammar.ts';

export function matchName(segments: SegmentsTemplate, name: string): boolean {
  return (
    alignSegments(segments.segments, splitName(name), (part, literal) => part === literal) !==
    undefined
  );
}
