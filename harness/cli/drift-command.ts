/**
 * `lro-conformance drift`: fetches each service's Discovery document and reports how it moved
 * away from what this suite relies on (docs/DRIFT.md). A document at a URL that cannot be read is
 * its own line on stderr and exit 3, never drift; a file named with `--discovery` that cannot be
 * read or is not the service's document stops the command first, one line and exit 2.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EXIT_HARNESS,
  EXIT_USAGE,
  invalidFileError,
  isErrorOf,
  readPackageVersion,
  usageError,
} from '#base';
import { type ClauseInfo, scrubText } from '#reports';
import { loadServiceProfiles, type ServiceProfile, serviceDocumentFile } from '#specs';
import type { DriftChange } from '../drift/index.ts';
import {
  buildDriftReport,
  catalogueDrift,
  type DiscoverySource,
  DRIFT_FAIL_ON,
  type DriftFailOn,
  type DriftReport,
  describeSource,
  discoverySourceOf,
  type FolderDocument,
  type LoadedDiscovery,
  readDiscovery,
  renderCatalogueDriftMarkdown,
  renderCatalogueDriftText,
  renderDriftMarkdown,
  renderDriftText,
  resolveDiscoverySources,
  type ServiceDriftStatus,
  serviceDrift,
} from '../drift/index.ts';
import type { FetchLike } from '../http/index.ts';
import { authorizerFor, createAdcCache, type TargetAuthConfig } from '../http/index.ts';
import {
  CREDENTIAL_PARSE_CONFIG,
  checkServiceValues,
  credentialFlagValues,
  credentialOptions,
  FLAG_TERMS,
  oneEach,
  parseChoice,
  parseFlags,
  parseInteger,
  parseList,
  parseServiceValue,
} from '../options/index.ts';

export const REPORT_FORMATS = ['text', 'json', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const EXIT_NO_DRIFT = 0;
export const EXIT_DRIFT = 1;

export const usage = `Usage: lro-conformance drift [options]

Compares each service's live Discovery document with what this suite relies on: the operations
methods and schemas of its spec documents, and the sentences its clauses quote (docs/DRIFT.md).

Options:
  --catalogue DIR               compare a folder of current Discovery documents with the catalogue
                                of Google APIs that publish a cancel instead (docs/CATALOGUE.md):
                                cancels added or removed, paths, name bindings, body rules, gets,
                                descriptions compared without markup; known facts are not drift
  --service a,b                 services to check (default: all)
  --discovery SERVICE=URL|FILE  read SERVICE's document from this URL or file (repeatable; default:
                                the Discovery directory's discoveryRestUrl, else
                                https://HOST/$discovery/rest?version=VERSION)
  --format text|json|markdown   output format (default text)
  --fail-on breaking|any        which changes make the exit code 1 (default any)
  --timeout MS                  per document request (default 30000)
  --header 'Name: value'        send this header with each service's document request, e.g.
                                'X-Goog-Api-Key: $KEY' ($VAR expanded; repeatable)
  --auth adc                    send Application Default Credentials with the service's
                                documented scopes (--scope SERVICE=SCOPE overrides)
  --quota-project ID            bill quota to this project (x-goog-user-project)
  -h, --help                    this text

Exit codes: 0 no drift at or above --fail-on, 1 drift, 2 usage error, a --discovery FILE that
cannot be read or is not the service's Discovery document, or a --catalogue folder (or a file in
it) that cannot be read, 3 a Discovery document at a URL could not be fetched or used (and
nothing that was compared drifted).`;

export interface DriftOptions {
  readonly profiles: readonly ServiceProfile[];
  readonly named: ReadonlyMap<string, DiscoverySource>;
  readonly format: ReportFormat;
  readonly failOn: DriftFailOn;
  readonly timeoutMs: number;
  /** Credentials for the documents that are not public (`--header`, `--auth adc`). */
  readonly auth?: TargetAuthConfig;
}

export function parseDriftArgs(
  args: readonly string[],
  all: readonly ServiceProfile[],
): DriftOptions {
  const flags = parseFlags(args, {
    service: { type: 'string' },
    discovery: { type: 'string', multiple: true },
    format: { type: 'string' },
    'fail-on': { type: 'string' },
    timeout: { type: 'string' },
    ...CREDENTIAL_PARSE_CONFIG,
  });
  const known = all.map((profile) => profile.id);
  const selected = flags.service === undefined ? known : parseList('--service', flags.service);
  const unknown = selected.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    throw usageError(`unknown service "${unknown.join('", "')}" (known: ${known.join(', ')})`);
  }
  const discoveries = (flags.discovery ?? []).map((item) =>
    parseServiceValue('--discovery', item, 'SERVICE=URL or SERVICE=FILE'),
  );
  const named = new Map<string, DiscoverySource>(
    Object.entries(
      oneEach(
        '--discovery',
        checkServiceValues('--discovery', discoveries, { known, selected, selection: '--service' }),
      ),
    ).map(([service, source]) => [service, discoverySourceOf(source)]),
  );
  const auth = credentialOptions(credentialFlagValues(flags), selected, 'none', FLAG_TERMS);
  return {
    ...(auth === undefined ? {} : { auth }),
    profiles: all.filter((profile) => selected.includes(profile.id)),
    named,
    format:
      flags.format === undefined ? 'text' : parseChoice('--format', flags.format, REPORT_FORMATS),
    failOn:
      flags['fail-on'] === undefined
        ? 'any'
        : parseChoice('--fail-on', flags['fail-on'], DRIFT_FAIL_ON),
    timeoutMs:
      flags.timeout === undefined
        ? 30_000
        : parseInteger('--timeout', flags.timeout, { min: 1, max: 600_000 }),
  };
}

export interface DriftDependencies {
  readonly fetch: FetchLike;
  readonly clauses: () => Promise<readonly ClauseInfo[]>;
  readonly directoryUrl?: string;
}

/** Reads every document, compares those it could read, and builds the report. */
export async function detectDrift(
  options: DriftOptions,
  dependencies: DriftDependencies,
): Promise<DriftReport> {
  const { sources, notes } = await resolveDiscoverySources(options.profiles, options.named, {
    fetch: dependencies.fetch,
    timeoutMs: options.timeoutMs,
    ...(dependencies.directoryUrl === undefined ? {} : { directoryUrl: dependencies.directoryUrl }),
  });
  const adc = createAdcCache();
  const readOne = async (profile: ServiceProfile, source: DiscoverySource) => {
    const authorize = authorizerFor(options.auth, profile.id, adc);
    return readDiscovery(profile, source, {
      // Credentials go to the documents only: the Discovery directory is public.
      fetch:
        authorize === undefined
          ? dependencies.fetch
          : async (request) => dependencies.fetch(await authorize(request)),
      timeoutMs: options.timeoutMs,
    });
  };
  // Files the user named first: one that cannot be used stops the command (INVALID_FILE)
  // before any request is sent.
  const files = new Map<string, LoadedDiscovery>();
  for (const profile of options.profiles) {
    const source = sources.get(profile.id);
    if (source?.kind === 'file') files.set(profile.id, await readOne(profile, source));
  }
  const read = await Promise.all(
    options.profiles.map(async (profile) => {
      const source = sources.get(profile.id) as DiscoverySource;
      const file = files.get(profile.id);
      if (file !== undefined) return file;
      try {
        return await readOne(profile, source);
      } catch (error) {
        if (!isErrorOf(error, 'unavailable')) throw error;
        return { service: profile.id, source: describeSource(source), problem: error.message };
      }
    }),
  );
  const loaded = read.flatMap((entry) => ('document' in entry ? [entry] : []));
  const clauses = loaded.length > 0 ? await dependencies.clauses() : [];
  const changes: DriftChange[] = [];
  const statuses: ServiceDriftStatus[] = [];
  for (const [index, profile] of options.profiles.entries()) {
    const entry = read[index];
    if (entry === undefined) continue;
    const baseline = serviceDocumentFile(profile.id);
    if ('document' in entry) {
      changes.push(
        ...serviceDrift({ profile, live: entry.document, liveLabel: entry.source, clauses }),
      );
      statuses.push({
        service: profile.id,
        status: 'compared',
        source: entry.source,
        ...(entry.revision === undefined ? {} : { revision: entry.revision }),
        baseline,
      });
    } else {
      statuses.push({
        service: profile.id,
        status: 'unavailable',
        source: entry.source,
        baseline,
        problem: entry.problem,
      });
    }
  }
  return buildDriftReport({
    toolVersion: readPackageVersion(),
    failOn: options.failOn,
    services: statuses,
    changes,
    notes,
  });
}

export function renderDriftReport(report: DriftReport, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'markdown':
      return renderDriftMarkdown(report);
    case 'text':
      return renderDriftText(report);
  }
}

/** 1 when a change counts under --fail-on; else 3 when a document could not be read; else 0. */
export function driftExitCode(report: DriftReport): number {
  if (report.summary.failing > 0) return EXIT_DRIFT;
  return report.summary.unavailable > 0 ? EXIT_HARNESS : EXIT_NO_DRIFT;
}

export async function main(args: readonly string[]): Promise<number> {
  const catalogueFolder = catalogueFolderOf(args);
  if (catalogueFolder !== undefined)
    return catalogueMain(catalogueFolder.folder, catalogueFolder.rest);
  const options = parseDriftArgs(args, loadServiceProfiles());
  const report = await detectDrift(options, {
    fetch: (request) => globalThis.fetch(request),
    // vitest is loaded only when a document was read and there is something to compare.
    clauses: async () => (await import('../run/index.ts')).collectClauses(),
  });
  // Scrubbed like every other output: a document may echo a credential it was sent.
  process.stdout.write(scrubText(renderDriftReport(report, options.format)));
  for (const status of report.services) {
    if (status.problem !== undefined)
      process.stderr.write(`lro-conformance drift: ${scrubText(status.problem)}\n`);
  }
  return driftExitCode(report);
}

/** `--catalogue DIR` and the flags beside it, or undefined for a drift of the seed services. */
function catalogueFolderOf(
  args: readonly string[],
): { readonly folder: string; readonly rest: readonly string[] } | undefined {
  const at = args.findIndex((arg) => arg === '--catalogue' || arg.startsWith('--catalogue='));
  if (at === -1) return undefined;
  const given = args[at] as string;
  const inline = given.startsWith('--catalogue=') ? given.slice('--catalogue='.length) : undefined;
  const folder = inline ?? args[at + 1];
  if (folder === undefined || folder === '' || folder.startsWith('--')) {
    throw usageError(
      '--catalogue needs a folder of Discovery documents, e.g. --catalogue ./discovery',
    );
  }
  const rest = [...args.slice(0, at), ...args.slice(at + (inline === undefined ? 2 : 1))];
  return { folder, rest };
}

/**
 * `drift --catalogue DIR`: exit 0 no drift at or above --fail-on, 1 drift, 2 a file of the folder
 * that is not JSON (the folder is the user's, like any file they name: INVALID_FILE).
 */
async function catalogueMain(folder: string, args: readonly string[]): Promise<number> {
  const flags = parseFlags(args, { format: { type: 'string' }, 'fail-on': { type: 'string' } });
  const format =
    flags.format === undefined ? 'text' : parseChoice('--format', flags.format, REPORT_FORMATS);
  const failOn =
    flags['fail-on'] === undefined
      ? 'any'
      : parseChoice('--fail-on', flags['fail-on'], DRIFT_FAIL_ON);
  const { documents, unreadable } = readFolder(folder);
  const report = catalogueDrift(folder, documents, failOn);
  const text =
    format === 'json'
      ? `${JSON.stringify(report, null, 2)}\n`
      : format === 'markdown'
        ? renderCatalogueDriftMarkdown(report)
        : renderCatalogueDriftText(report);
  process.stdout.write(scrubText(text));
  for (const problem of unreadable) process.stderr.write(`lro-conformance drift: ${problem}\n`);
  if (report.summary.failing > 0) return EXIT_DRIFT;
  return unreadable.length > 0 ? EXIT_USAGE : EXIT_NO_DRIFT;
}

/** Every `.json` file of the folder, parsed; the ones that are not JSON, as problems. */
function readFolder(folder: string): { documents: FolderDocument[]; unreadable: string[] } {
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.json') && name !== 'index.json');
  } catch (error) {
    throw invalidFileError(
      `--catalogue ${folder}: cannot read the folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      { cause: error },
    );
  }
  const documents: FolderDocument[] = [];
  const unreadable: string[] = [];
  for (const name of names.sort()) {
    const file = join(folder, name);
    try {
      documents.push({ file, document: JSON.parse(readFileSync(file, 'utf8')) });
    } catch (error) {
      unreadable.push(
        `${file}: cannot be read as JSON (${(error as Error).message.replace(/\s+/g, ' ')})`,
      );
    }
  }
  return { documents, unreadable };
}
