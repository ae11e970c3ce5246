import { describe, expect, it } from 'vitest';
import { HarnessError, isLroError } from '#base';
import { loadServiceProfiles, readSeed } from '#specs';
import {
  aipSource,
  type ClauseSpec,
  clauseIdFromPath,
  defineClause,
  protoSource,
  seedSources,
  servicesWhere,
} from './define-clause.ts';

const SUITE_URL = 'file:///work/lro/suites/cancel/some-clause.test.ts';
const CHECKS_SEED = '003_0d45fe534da2664f.txt';
const IN_SEED = 'The request body must be empty.';
const NOT_IN_SEED = 'The request body may contain anything at all.';

function spec(overrides: Partial<ClauseSpec> = {}): ClauseSpec {
  return {
    title: 'A clause',
    strength: 'MUST',
    quote: IN_SEED,
    sources: [{ kind: 'seed', ref: CHECKS_SEED }],
    services: 'all',
    requires: 'control',
    calls: ['cancel'],
    method: 'Cancels an operation.',
    meanings: { FAIL: 'The cancel was refused.' },
    ...overrides,
  };
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('clauseIdFromPath', () => {
  it.for([
    [
      '/work/lro/suites/cancel/accepts-request-without-body.test.ts',
      'cancel/accepts-request-without-body',
    ],
    ['/suites/get/operation-has-valid-shape.test.ts', 'get/operation-has-valid-shape'],
    ['/work/lro/suites/a/b/c.test.ts', 'a/b/c'],
    ['/work/lro/suites/top-level.test.ts', 'top-level'],
    ['/app/node_modules/lro-conformance/dist/suites/cancel/x.test.js', 'cancel/x'],
  ] as const)('%s -> %s', ([path, id]) => {
    expect(clauseIdFromPath(path)).toBe(id);
  });

  it('ignores a folder named suites above the checkout: ids are relative to the project suites/ folder', () => {
    expect(clauseIdFromPath('/srv/suites/lro-conformance/suites/cancel/x.test.ts')).toBe(
      'cancel/x',
    );
  });

  it.for([
    '/work/lro/harness/clause/define-clause.test.ts',
    '/work/lro/suites/cancel/helper.ts',
    '/work/lro/suites/.test.ts',
    '/work/lro/suites/cancel/x.test.mjs',
    '/work/lro/dist/suites/cancel/x.test.d.ts',
    '/work/lro/mysuites/cancel/x.test.ts',
    'suites/cancel/x.test.ts',
  ])('refuses %s with a HarnessError that names the path', (path) => {
    const error = thrown(() => clauseIdFromPath(path));
    expect(error).toBeInstanceOf(HarnessError);
    expect(isLroError(error)).toBe(true);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toContain('suites/<area>/<name>.test.ts');
  });
});

describe('defineClause', () => {
  it('builds the clause info from the suite URL and the spec', () => {
    const clause = defineClause(SUITE_URL, spec({ title: 'T', strength: 'SHOULD' }));
    expect(clause).toEqual({
      info: {
        id: 'cancel/some-clause',
        calls: ['cancel'],
        title: 'T',
        strength: 'SHOULD',
        quote: IN_SEED,
        sources: [{ kind: 'seed', ref: CHECKS_SEED }],
        services: 'all',
        requires: 'control',
        method: 'Cancels an operation.',
        meanings: { FAIL: 'The cancel was refused.' },
      },
    });
    expect('expectedError' in clause).toBe(false);
  });

  it('keeps a declared expectedError next to the info, not inside it', () => {
    const expectedError = { httpStatus: 404, status: 'NOT_FOUND' };
    const clause = defineClause(SUITE_URL, spec({ expectedError }));
    expect(clause.expectedError).toEqual(expectedError);
    expect('expectedError' in clause.info).toBe(false);
  });

  it('accepts a seed quote whose whitespace differs from the seed', () => {
    // The seed breaks the line before the final "." of this sentence.
    const quote =
      "If the server doesn't support this method, it returns   google.rpc.Code.UNIMPLEMENTED.";
    expect(readSeed(CHECKS_SEED)).not.toContain(quote);
    expect(defineClause(SUITE_URL, spec({ quote })).info.quote).toBe(quote);
  });

  it('refuses a quote that is not in the seed, naming the clause and the seed', () => {
    const error = thrown(() => defineClause(SUITE_URL, spec({ quote: NOT_IN_SEED })));
    expect(isLroError(error)).toBe(true);
    expect((error as Error).message).toBe(
      `clause cancel/some-clause: its quote does not appear in seed ${CHECKS_SEED}: "${NOT_IN_SEED}"`,
    );
  });

  it('checks a source’s own quote instead of the clause quote', () => {
    const override = spec({
      quote: NOT_IN_SEED,
      sources: [{ kind: 'seed', ref: CHECKS_SEED, quote: IN_SEED }],
    });
    expect(() => defineClause(SUITE_URL, override)).not.toThrow();

    const badOverride = spec({
      quote: IN_SEED,
      sources: [{ kind: 'seed', ref: CHECKS_SEED, quote: NOT_IN_SEED }],
    });
    expect(() => defineClause(SUITE_URL, badOverride)).toThrow(NOT_IN_SEED);
  });

  it('checks every seed source, so one misquoted seed is enough to refuse', () => {
    const sources = seedSources('all', (profile) =>
      profile.id === 'dai' ? NOT_IN_SEED : profile.cancelBodyQuote,
    );
    const dai = loadServiceProfiles().find((p) => p.id === 'dai')?.provenance.seed;
    expect(() => defineClause(SUITE_URL, spec({ sources }))).toThrow(`seed ${dai}`);
  });

  it('does not check quotes against non-seed sources', () => {
    const sources = [protoSource('google/api/http.proto'), aipSource(193)];
    expect(() => defineClause(SUITE_URL, spec({ quote: NOT_IN_SEED, sources }))).not.toThrow();
  });

  it('refuses a suite URL outside suites/', () => {
    expect(() => defineClause('file:///work/lro/harness/x.test.ts', spec())).toThrow(HarnessError);
  });
});

describe('servicesWhere', () => {
  it('lists the ids of the services whose profile matches', () => {
    expect(servicesWhere((profile) => profile.cancel.body === '*')).toEqual([
      'checks',
      'datafusion',
    ]);
    expect(servicesWhere((profile) => profile.nameTemplate === 'operations/**')).toEqual([
      'adsdatahub',
      'dai',
    ]);
  });

  it('lists none when nothing matches and all when everything does', () => {
    expect(servicesWhere(() => false)).toEqual([]);
    expect(servicesWhere(() => true)).toEqual(loadServiceProfiles().map((p) => p.id));
  });
});

describe('seedSources', () => {
  it('gives one seed source per service, named by service and page, without a quote', () => {
    const sources = seedSources();
    expect(sources).toEqual(
      loadServiceProfiles().map((profile) => ({
        kind: 'seed',
        ref: profile.provenance.seed,
        service: profile.id,
        title: `${profile.title} ${profile.version}: ${profile.provenance.page.title}`,
        url: profile.provenance.page.url,
      })),
    );
    expect(sources).toHaveLength(5);
    for (const source of sources) expect('quote' in source).toBe(false);
  });

  it('narrows to the given services', () => {
    expect(seedSources(['dai', 'checks']).map((source) => source.ref)).toEqual([
      CHECKS_SEED,
      '002_ec331d82231f9c26.txt',
    ]);
    expect(seedSources([])).toEqual([]);
  });

  it('attaches each service’s own words with quoteOf, and they are in its seed', () => {
    const sources = seedSources('all', (profile) => profile.successBody.quote);
    expect(sources.map((source) => source.quote)).toEqual(
      loadServiceProfiles().map((profile) => profile.successBody.quote),
    );
    expect(() => defineClause(SUITE_URL, spec({ quote: 'unused', sources }))).not.toThrow();
  });
});

describe('aipSource and protoSource', () => {
  it('point at the public AIP page and the googleapis file', () => {
    expect(aipSource(193)).toEqual({ kind: 'aip', ref: 'https://google.aip.dev/193' });
    expect(protoSource('google/longrunning/operations.proto')).toEqual({
      kind: 'proto',
      ref: 'https://github.com/googleapis/googleapis/blob/master/google/longrunning/operations.proto',
    });
  });
});
