/**
 * fast-check arbitraries of resource names for a segments template (googleapis
 * `google/api/http.proto`), for property tests. Segment values mix readable text with characters
 * that need percent-encoding (`:`, `%`, space, `!*'()`, non-ASCII) to exercise expandPath and
 * matchPath. Invalid names come from name-mutations.ts and are invalid by construction.
 */
import fc from 'fast-check';
import type { PlainSegment, SegmentsTemplate } from './grammar.ts';
import { invalidNameKinds, mutateNameParts } from './name-mutations.ts';

const READABLE = [...'abcdefxyz0123456789', '-', '_'];
const EXOTIC = [...".~:@%+ !*'()=,;&$?#", 'é', '中', '😀'];

/**
 * A non-empty segment value without `/`. `.` and `..` are left out: they are valid names, but
 * WHATWG URL parsing (fetch, `new URL`) collapses them as dot-segments before they are sent.
 */
export const arbitrarySegmentValue: fc.Arbitrary<string> = fc
  .string({
    unit: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...READABLE) },
      fc.constantFrom(...EXOTIC),
    ),
    minLength: 1,
    maxLength: 8,
  })
  .filter((value) => value !== '.' && value !== '..');

function arbitrarySegmentParts(segment: PlainSegment): fc.Arbitrary<string[]> {
  switch (segment.kind) {
    case 'literal':
      return fc.constant([segment.value]);
    case 'wildcard':
      return arbitrarySegmentValue.map((value) => [value]);
    case 'multi-wildcard':
      return fc.array(arbitrarySegmentValue, { maxLength: 3 });
  }
}

function arbitraryValidParts(segments: SegmentsTemplate): fc.Arbitrary<string[]> {
  return fc.tuple(...segments.segments.map(arbitrarySegmentParts)).map((groups) => groups.flat());
}

/** Names `matchName(segments, name)` must accept. */
export function arbitraryValidName(segments: SegmentsTemplate): fc.Arbitrary<string> {
  return arbitraryValidParts(segments).map((parts) => parts.join('/'));
}

/** Names `matchName(segments, name)` must reject: one arbitrary per applicable mutation kind. */
export function arbitraryInvalidName(segments: SegmentsTemplate): fc.Arbitrary<string> {
  const perKind = invalidNameKinds(segments).map((kind) =>
    fc
      .tuple(arbitraryValidParts(segments), fc.nat(), arbitrarySegmentValue)
      .map(([parts, pick, filler]) =>
        mutateNameParts(segments, parts, kind, pick, filler).join('/'),
      ),
  );
  return fc.oneof(...perKind);
}
