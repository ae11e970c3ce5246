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
import {
  knownServiceProfiles,
  type OperationsCall,
  readSeed,
  type ServiceProfile,
  STANDARD_CANCEL_TEXT,
  textSays,
} from '#specs';

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
  /** What the clause sends to a service; a service whose surface lacks one cannot run it. */
  readonly calls: readonly OperationsCall[];
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
  const sources = spec.sources.map((source) => withOwnWords(source, spec.quote));
  return { info: { id, ...info, sources }, ...(expectedError ? { expectedError } : {}) };
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

/**
 * Ids of the services whose profile satisfies `predicate` (clauses that apply to some services
 * only): the seeds, and the profiles the run added (a user's document, the catalogue).
 */
export function servicesWhere(predicate: (profile: ServiceProfile) => boolean): string[] {
  return knownServiceProfiles()
    .filter(predicate)
    .map((profile) => profile.id);
}

/**
 * Each service's own documentation for the clause (default: every service the run knows): the
 * seed page of a seed service (the five seeds carry the same cancel text), the published
 * document a generated profile was made from. `quoteOf` gives a service's own words where they
 * differ from the clause's quote; a generated profile whose cancel text does not say the
 * clause's sentence shows its own text instead.
 */
export function seedSources(
  serviceIds: readonly string[] | 'all' = 'all',
  quoteOf?: (profile: ServiceProfile) => string,
): ClauseSource[] {
  const profiles = knownServiceProfiles().filter(
    (p) => serviceIds === 'all' || serviceIds.includes(p.id),
  );
  return profiles.map((profile) => serviceSource(profile, quoteOf));
}

function serviceSource(
  profile: ServiceProfile,
  quoteOf: ((profile: ServiceProfile) => string) | undefined,
): ClauseSource {
  const { seed, page, document, cancelText } = profile.provenance;
  const quote = quoteOf ? { quote: quoteOf(profile) } : {};
  if (seed !== undefined && page !== undefined) {
    return {
      kind: 'seed',
      ref: seed,
      service: profile.id,
      title: `${profile.title} ${profile.version}: ${page.title}`,
      url: page.url,
      ...quote,
    };
  }
  const revision = document?.revision === undefined ? '' : ` revision ${document.revision}`;
  return {
    kind: document?.kind === 'discovery' ? 'discovery' : 'proto',
    ref: document?.file ?? profile.provenance.proto,
    service: profile.id,
    title: `${profile.title} ${profile.version}: ${profile.cancel.id}${revision}${cancelText === undefined || cancelText.status === 'standard' ? '' : ` (cancel text: ${cancelText.status})`}`,
    ...publishedAt(profile),
    ...quote,
  };
}

/** Where the document is published: the service's Discovery URL, or the configuration's. */
function publishedAt(profile: ServiceProfile): { url?: string } {
  const { document } = profile.provenance;
  if (document?.kind === 'discovery') {
    return { url: `https://${profile.host}/$discovery/rest?version=${profile.version}` };
  }
  return document?.source?.startsWith('https://') === true ? { url: document.source } : {};
}

/**
 * A generated profile's source for a clause that quotes the standard cancel text: when the
 * service's own cancel text does not say the sentence (markup aside), the source shows what it
 * says instead, so a reader sees the difference.
 */
function withOwnWords(source: ClauseSource, quote: string): ClauseSource {
  if (source.kind === 'seed' || source.service === undefined || source.quote !== undefined) {
    return source;
  }
  if (!textSays(STANDARD_CANCEL_TEXT, quote)) return source;
  const text = knownServiceProfiles().find((profile) => profile.id === source.service)?.provenance
    .cancelText?.text;
  return text === undefined || textSays(text, quote) ? source : { ...source, quote: text };
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
