/**
 * Differential test against Google's own data: every Discovery method whose `name` parameter
 * carries a `pattern` regex (specs/discovery/) must agree with `matchName` on the segments
 * template derived from the method's `flatPath` and `path`. The names come from fast-check:
 * valid, invalid by construction, and near misses built from the template's own literals.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchName } from './match-name.ts';
import {
  arbitraryInvalidName,
  arbitrarySegmentValue,
  arbitraryValidName,
} from './name-arbitraries.ts';
import { parseSegmentsTemplate } from './parse-segments-template.ts';

const DOCUMENTS = ['checks.v1alpha.rev20230807.json', 'datafusion.v1.rev20260202.json'];
const RUNS = { numRuns: 300 };

interface DiscoveryMethod {
  readonly id: string;
  readonly path: string;
  readonly flatPath?: string;
  readonly parameters?: Record<string, { readonly pattern?: string }>;
}

interface DiscoveryResource {
  readonly methods?: Record<string, DiscoveryMethod>;
  readonly resources?: Record<string, DiscoveryResource>;
}

interface PatternCase {
  readonly template: string;
  readonly pattern: string;
  /** Every method binding `name` with this template and pattern. */
  readonly methodIds: string[];
}

function* methodsOf(resource: DiscoveryResource): Generator<DiscoveryMethod> {
  yield* Object.values(resource.methods ?? {});
  for (const child of Object.values(resource.resources ?? {})) yield* methodsOf(child);
}

/**
 * `path` `v1alpha/{+name}/operations` and `flatPath` `v1alpha/accounts/{accountsId}/apps/{appsId}/operations`
 * give `accounts/*\/apps/*`: strip the text around `{+name}`, turn each `{…Id}` into `*`.
 */
function templateFromFlatPath(method: DiscoveryMethod): string {
  const [before, after] = method.path.split('{+name}');
  const flat = method.flatPath;
  if (before === undefined || after === undefined || flat === undefined) {
    throw new Error(`${method.id}: path ${method.path} has no {+name} or there is no flatPath`);
  }
  if (!flat.startsWith(before) || !flat.endsWith(after)) {
    throw new Error(
      `${method.id}: flatPath ${flat} does not frame {+name} like path ${method.path}`,
    );
  }
  return flat.slice(before.length, flat.length - after.length).replace(/\{[^}]+\}/g, '*');
}

function patternCases(): PatternCase[] {
  const cases = new Map<string, PatternCase>();
  for (const file of DOCUMENTS) {
    const url = new URL(`../../specs/discovery/${file}`, import.meta.url);
    const document = JSON.parse(readFileSync(url, 'utf8')) as DiscoveryResource;
    for (const method of methodsOf(document)) {
      const pattern = method.parameters?.name?.pattern;
      if (pattern === undefined) continue;
      const template = templateFromFlatPath(method);
      // Methods sharing a template and a pattern add nothing but run time: test them once.
      const key = `${template} ${pattern}`;
      const known = cases.get(key) ?? { template, pattern, methodIds: [] };
      known.methodIds.push(method.id);
      cases.set(key, known);
    }
  }
  return [...cases.values()];
}

/** Names made of the template's own literals, wildcard values and empty segments. */
function arbitraryNearMiss(template: string): fc.Arbitrary<string> {
  const literals = template.split('/').filter((segment) => !segment.includes('*'));
  const token = fc.oneof(
    fc.constantFrom(...literals, ''),
    arbitrarySegmentValue,
    fc.constantFrom(...literals).map((l) => l.toUpperCase()),
  );
  return fc.array(token, { maxLength: 9 }).map((parts) => parts.join('/'));
}

const CASES = patternCases();

describe('matchName against Discovery name patterns', () => {
  it('derives the template of every name pattern from flatPath', () => {
    const byTemplate = Object.fromEntries(CASES.map((c) => [c.template, c.pattern]));
    expect(byTemplate).toEqual({
      'accounts/*/apps/*/operations/*': '^accounts/[^/]+/apps/[^/]+/operations/[^/]+$',
      'accounts/*/apps/*': '^accounts/[^/]+/apps/[^/]+$',
      'projects/*/privacypolicy/operations/*': '^projects/[^/]+/privacypolicy/operations/[^/]+$',
      'projects/*': '^projects/[^/]+$',
      'projects/*/locations/*': '^projects/[^/]+/locations/[^/]+$',
      'projects/*/locations/*/instances/*': '^projects/[^/]+/locations/[^/]+/instances/[^/]+$',
      'projects/*/locations/*/instances/*/dnsPeerings/*':
        '^projects/[^/]+/locations/[^/]+/instances/[^/]+/dnsPeerings/[^/]+$',
      'projects/*/locations/*/operations/*': '^projects/[^/]+/locations/[^/]+/operations/[^/]+$',
    });
    expect(CASES.flatMap((c) => c.methodIds)).toEqual(
      expect.arrayContaining([
        'checks.accounts.apps.operations.cancel',
        'checks.accounts.apps.operations.get',
        'checks.projects.privacypolicy.operations.cancel',
        'datafusion.projects.locations.operations.cancel',
        'datafusion.projects.locations.operations.get',
      ]),
    );
  });

  for (const { methodIds, template, pattern } of CASES) {
    const methodId = `${methodIds[0]}${methodIds.length > 1 ? ` +${methodIds.length - 1}` : ''}`;
    const segments = parseSegmentsTemplate(template);
    const regex = new RegExp(pattern);

    it(`accepts what ${pattern} accepts for valid ${template} names (${methodId})`, () => {
      fc.assert(
        fc.property(arbitraryValidName(segments), (name) => {
          expect(regex.test(name)).toBe(true);
          expect(matchName(segments, name)).toBe(true);
        }),
        RUNS,
      );
    });

    it(`rejects what ${pattern} rejects for invalid ${template} names (${methodId})`, () => {
      fc.assert(
        fc.property(arbitraryInvalidName(segments), (name) => {
          expect(regex.test(name)).toBe(false);
          expect(matchName(segments, name)).toBe(false);
        }),
        RUNS,
      );
    });

    it(`agrees with ${pattern} on near misses (${methodId})`, () => {
      fc.assert(
        fc.property(arbitraryNearMiss(template), (name) => {
          expect(matchName(segments, name)).toBe(regex.test(name));
        }),
        RUNS,
      );
    });
  }
});
