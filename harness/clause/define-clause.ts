/**
 * Clause metadata, declared first in every suite file (test262's frontmatter as typed data).
 * The id is the suite file's path under suites/, so it is stable and cannot drift from the file.
 * A quote attributed to a seed must appear in that seed: a misquote is a harness fault at load.
 */
import { HarnessError } from '#base';
import type {
  ClauseInfo,
  ClauseOutcomeMeanings,
  ClauseRequirement,
  ClauseSource,
  Strength,
} from '#reports';
import { loadServiceProfiles, readSeed, type ServiceProfile } from '#specs';

/** What a suite declares when its checks expect an error answer (test262's `negative:`). */
export interface ExpectedError {
  readonly httpStatus: number;
  /** google.rpc.Code name the AIP-193 envelope's `status` must carry. */
  readonly status: string;
}

export interface ClauseSpec {
  readonly title: string;
  readonly strength: Strength;
  readonly quote: string;
  readonly sources: readonly ClauseSource[];
  readonly services: readonly string[] | 'all';
  /** What the clause needs from the target (a probe needs `nothing`). */
  readonly requires: ClauseRequirement;
  /** How the suite checks the clause, in a sentence or two. */
  readonly method: string;
  readonly meanings: ClauseOutcomeMeanings;
  /** When the clause rests on several sentences rather than its quote alone. */
  readonly derivation?: string;
  readonly expectedError?: ExpectedError | readonly ExpectedError[];
}

export interface Clause {
  readonly info: ClauseInfo;
  readonly expectedError?: ExpectedError | readonly ExpectedError[];
}

export function defineClause(suiteFileUrl: string, spec: ClauseSpec): Clause {
  const id = clauseIdFromPath(new URL(suiteFileUrl).pathname);
  for (const source of spec.sources) {
    if (source.kind === 'seed') assertQuotedIn(id, source.quote ?? spec.quote, source.ref);
  }
  const { expectedError, ...info } = spec;
  return { info: { id, ...info }, ...(expectedError ? { expectedError } : {}) };
}

export function clauseIdFromPath(path: string): string {
  // Greedy prefix: the last `/suites/` is the project's, whatever folders sit above it.
  // `.test.js` is the same suite compiled into dist/ (docs/decisions/0005-build-layout.md).
  const match = /^.*\/suites\/(.+)\.test\.[jt]s$/.exec(path);
  if (!match?.[1]) {
    throw new HarnessError(
      `defineClause: ${path} is not a suite file (suites/<area>/<name>.test.ts)`,
    );
  }
  return match[1];
}

/** Ids of the services whose profile satisfies `predicate` (clauses that apply to some services only). */
export function servicesWhere(predicate: (profile: ServiceProfile) => boolean): string[] {
  return loadServiceProfiles()
    .filter(predicate)
    .map((profile) => profile.id);
}

/**
 * The seeds of the given services (default: all; the five seeds carry the same cancel text).
 * `quoteOf` gives a service's own words where they differ from the clause's quote.
 */
export function seedSources(
  serviceIds: readonly string[] | 'all' = 'all',
  quoteOf?: (profile: ServiceProfile) => string,
): ClauseSource[] {
  const profiles = loadServiceProfiles().filter(
    (p) => serviceIds === 'all' || serviceIds.includes(p.id),
  );
  return profiles.map((profile) => ({
    kind: 'seed',
    ref: profile.provenance.seed,
    service: profile.id,
    title: `${profile.title} ${profile.version}: ${profile.provenance.page.title}`,
    url: profile.provenance.page.url,
    ...(quoteOf ? { quote: quoteOf(profile) } : {}),
  }));
}

export function protoSource(path: string): ClauseSource {
  return { kind: 'proto', ref: `https://github.com/googleapis/googleapis/blob/master/${path}` };
}

export function aipSource(number: number, section?: string): ClauseSource {
  return {
    kind: 'aip',
    ref: `https://google.aip.dev/${number}${section === undefined ? '' : `#${section}`}`,
  };
}

/** An IETF RFC, optionally one section of it. */
export function rfcSource(number: number, section?: string): ClauseSource {
  return {
    kind: 'rfc',
    ref: `https://www.rfc-editor.org/rfc/rfc${number}${section === undefined ? '' : `#section-${section}`}`,
  };
}

const withoutWhitespace = (text: string) => text.replace(/\s+/g, '');

/** Seeds as quotes are compared with them; every clause checks its quotes in the same few seeds. */
const comparableSeeds = new Map<string, string>();

function comparableSeed(seed: string): string {
  let text = comparableSeeds.get(seed);
  if (text === undefined) {
    text = withoutWhitespace(readSeed(seed));
    comparableSeeds.set(seed, text);
  }
  return text;
}

function assertQuotedIn(id: string, quote: string, seed: string): void {
  if (!comparableSeed(seed).includes(withoutWhitespace(quote))) {
    throw new HarnessError(`clause ${id}: its quote does not appear in seed ${seed}: "${quote}"`);
  }
}
