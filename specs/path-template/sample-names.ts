/**
 * Deterministic resource names for a segments template (googleapis `google/api/http.proto`):
 * valid ones such as `accounts/a1/apps/x-2/operations/op_3`, for minting operations and for
 * examples in messages, and invalid ones (see name-mutations.ts) for negative tests. Uses its
 * own seeded generator, so it needs no test-only dependency at run time.
 */
import type { SegmentsTemplate } from './grammar.ts';
import { invalidNameKinds, mutateNameParts } from './name-mutations.ts';

export interface SampleNamesOptions {
  /** True for names the template accepts, false for names it rejects. */
  readonly valid: boolean;
  readonly count: number;
  /** Same seed, same names. Defaults to 1. */
  readonly seed?: number;
}

const STEMS = ['a', 'x', 'op', 'p', 'run', 'loc', 'app', 'id'] as const;
const JOINERS = ['', '-', '_'] as const;
/** `**` fills 0 to this many segments. */
const MAX_TAIL = 2;

/**
 * Invalid names cycle through every applicable mutation kind, so `count` of at least four
 * covers them all.
 */
export function sampleNames(segments: SegmentsTemplate, options: SampleNamesOptions): string[] {
  const random = mulberry32(options.seed ?? 1);
  const kinds = invalidNameKinds(segments);
  return Array.from({ length: options.count }, (_, index) => {
    const parts = validParts(segments, random);
    if (options.valid) return parts.join('/');
    const kind = kinds[index % kinds.length] ?? 'empty-segment';
    return mutateNameParts(
      segments,
      parts,
      kind,
      integer(random, 1000),
      readableValue(random),
    ).join('/');
  });
}

function validParts(template: SegmentsTemplate, random: () => number): string[] {
  return template.segments.flatMap((segment) => {
    if (segment.kind === 'literal') return [segment.value];
    if (segment.kind === 'wildcard') return [readableValue(random)];
    return Array.from({ length: integer(random, MAX_TAIL + 1) }, () => readableValue(random));
  });
}

function readableValue(random: () => number): string {
  const stem = STEMS[integer(random, STEMS.length)] ?? 'a';
  const joiner = JOINERS[integer(random, JOINERS.length)] ?? '';
  return `${stem}${joiner}${integer(random, 99) + 1}`;
}

function integer(random: () => number, below: number): number {
  return Math.floor(random() * below);
}

/** A small, well-known seeded PRNG (public domain); quality is ample for sample names. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
