/**
 * Properties of expandPath and matchPath together (googleapis `google/api/http.proto`): a name
 * that fits its variable survives the trip to a URL path and back; a name that does not fit is
 * refused by expandPath and never matched; a single-segment value's `/` travels as `%2F`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandPath } from './expand-path.ts';
import type { PathTemplate, SegmentsTemplate } from './grammar.ts';
import { matchName } from './match-name.ts';
import { matchPath } from './match-path.ts';
import {
  arbitraryInvalidName,
  arbitrarySegmentValue,
  arbitraryValidName,
} from './name-arbitraries.ts';
import { parsePathTemplate } from './parse-path-template.ts';
import { parseSegmentsTemplate } from './parse-segments-template.ts';
import { PathExpansionError } from './path-expansion-error.ts';
import { encodeMultiSegment } from './percent-encoding.ts';

/** The operation name templates of the five services (their documentation pages, specs/seeds, and specs/services/*.openapi.json) and checks' second one. */
const REAL_TEMPLATES = [
  'operations/**',
  'networks/*/operations/reports/runs/*',
  'accounts/*/apps/*/operations/*',
  'projects/*/locations/*/operations/*',
  'projects/*/privacypolicy/operations/*',
];

const RUNS = { numRuns: 300 };

function assertRoundTrip(path: PathTemplate, values: Record<string, string>): void {
  const urlPath = expandPath(path, values);
  expect(matchPath(path, urlPath)).toEqual(values);
}

/** Random segments templates: 0-4 literals or `*`, optionally closed by `**`. */
const arbitrarySegmentsSource = fc
  .tuple(
    fc.array(fc.constantFrom('v1', 'projects', 'operations', 'runs', 'a', '*'), { maxLength: 4 }),
    fc.boolean(),
  )
  .filter(([segments, variadic]) => segments.length > 0 || variadic)
  .map(([segments, variadic]) => [...segments, ...(variadic ? ['**'] : [])].join('/'));

/** A random path template around one multi- or single-segment `name`, maybe a trailing `{id}`. */
const arbitraryPathCase = fc
  .record({
    prefix: fc.constantFrom('v1', 'v1alpha/things', 'v2/x/y'),
    name: arbitrarySegmentsSource,
    id: fc.boolean(),
    verb: fc.constantFrom(undefined, 'cancel', 'wait', 'do-it'),
  })
  .map(({ prefix, name, id, verb }) => {
    const idPart = id && !name.endsWith('**') ? '/children/{id}' : '';
    return {
      segments: parseSegmentsTemplate(name),
      path: parsePathTemplate(
        `/${prefix}/{name=${name}}${idPart}${verb === undefined ? '' : `:${verb}`}`,
      ),
    };
  });

/** Any non-empty text with `/` in it half the time. */
const arbitraryValueWithSlashes = fc
  .array(arbitrarySegmentValue, { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join('/'));

function pathsFor(segments: SegmentsTemplate): PathTemplate[] {
  return [
    parsePathTemplate(`/v1/{name=${segments.source}}:cancel`),
    parsePathTemplate(`/v1/{name=${segments.source}}`),
  ];
}

describe('expandPath then matchPath', () => {
  for (const source of REAL_TEMPLATES) {
    const segments = parseSegmentsTemplate(source);
    it(`round-trips valid names of ${source}`, () => {
      fc.assert(
        fc.property(arbitraryValidName(segments), (name) => {
          expect(matchName(segments, name)).toBe(true);
          for (const path of pathsFor(segments)) assertRoundTrip(path, { name });
        }),
        RUNS,
      );
    });

    it(`never matches invalid names of ${source}`, () => {
      fc.assert(
        fc.property(arbitraryInvalidName(segments), (name) => {
          expect(matchName(segments, name)).toBe(false);
          for (const path of pathsFor(segments)) {
            expect(() => expandPath(path, { name })).toThrow(PathExpansionError);
            const verb = path.verb === undefined ? '' : `:${path.verb}`;
            expect(matchPath(path, `/v1/${encodeMultiSegment(name)}${verb}`)).toBeUndefined();
          }
        }),
        RUNS,
      );
    });
  }

  it('round-trips valid names on random templates', () => {
    fc.assert(
      fc.property(
        arbitraryPathCase.chain(({ segments, path }) =>
          fc.record({
            path: fc.constant(path),
            name: arbitraryValidName(segments),
            id: arbitraryValueWithSlashes,
          }),
        ),
        ({ path, name, id }) => {
          const values = path.variables.some((v) => v.name === 'id') ? { name, id } : { name };
          assertRoundTrip(path, values);
        },
      ),
      RUNS,
    );
  });

  it('never matches invalid names on random templates', () => {
    fc.assert(
      fc.property(
        arbitraryPathCase.chain(({ segments }) =>
          fc.tuple(fc.constant(segments), arbitraryInvalidName(segments)),
        ),
        ([segments, name]) => {
          expect(matchName(segments, name)).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('sends the "/" of a single-segment value as %2F and decodes it back', () => {
    const path = parsePathTemplate('/v1/{name}:cancel');
    fc.assert(
      fc.property(arbitraryValueWithSlashes, (name) => {
        const urlPath = expandPath(path, { name });
        expect(urlPath.split('/')).toHaveLength(3);
        expect(urlPath.includes('%2F')).toBe(name.includes('/'));
        expect(matchPath(path, urlPath)).toEqual({ name });
      }),
      RUNS,
    );
  });
});
