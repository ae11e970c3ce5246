import { describe, expect, it } from 'vitest';
import { parseSegmentsTemplate } from './parse-segments-template.ts';
import { PathTemplateSyntaxError } from './path-template-syntax-error.ts';

const VALID = [
  { source: 'operations/**', kinds: ['literal', 'multi-wildcard'], multiSegment: true },
  {
    source: 'accounts/*/apps/*/operations/*',
    kinds: ['literal', 'wildcard', 'literal', 'wildcard', 'literal', 'wildcard'],
    multiSegment: true,
  },
  {
    source: 'projects/*/privacypolicy/operations/*',
    kinds: ['literal', 'wildcard', 'literal', 'literal', 'wildcard'],
    multiSegment: true,
  },
  { source: '*', kinds: ['wildcard'], multiSegment: false },
  { source: 'operations', kinds: ['literal'], multiSegment: false },
  { source: '**', kinds: ['multi-wildcard'], multiSegment: true },
] as const;

const MALFORMED = [
  { source: '', position: 1, expected: 'a segment: a literal, "*" or "**"' },
  { source: '/operations', position: 1, expected: 'a segment: a literal, "*" or "**"' },
  { source: 'operations/', position: 12, expected: 'a segment: a literal, "*" or "**"' },
  { source: 'a//b', position: 3, expected: 'a segment: a literal, "*" or "**"' },
  { source: '{name}', position: 1, expected: 'a segment: a literal, "*" or "**"' },
  { source: 'operations/**/x', position: 14, expected: 'end of segments' },
  { source: 'operations/**:cancel', position: 14, expected: 'end of segments' },
  { source: 'a/*b', position: 4, expected: '"/" or end of segments' },
  { source: 'operations}', position: 11, expected: '"/" or end of segments' },
] as const;

describe('parseSegmentsTemplate', () => {
  for (const { source, kinds, multiSegment } of VALID) {
    it(`parses ${source}`, () => {
      const template = parseSegmentsTemplate(source);
      expect(template.source).toBe(source);
      expect(template.segments.map((segment) => segment.kind)).toEqual(kinds);
      expect(template.multiSegment).toBe(multiSegment);
    });
  }

  for (const { source, position, expected } of MALFORMED) {
    it(`rejects ${JSON.stringify(source)} at position ${position}`, () => {
      expect(() => parseSegmentsTemplate(source)).toThrow(PathTemplateSyntaxError);
      expect(() => parseSegmentsTemplate(source)).toThrow(
        `Invalid segments template ${JSON.stringify(source)} at position ${position}: expected ${expected}`,
      );
    });
  }

  it('says why a variable is out of place', () => {
    expect(() => parseSegmentsTemplate('{name}')).toThrow('a segments template has no variables');
  });
});
