/**
 * The options of live mode and of credentials for HTTP targets (docs/LIVE.md), checked for
 * run-options.ts: `live` sends the safe probes to each service's documented host
 * (`x-google-service.host` of its spec document) with Application Default Credentials;
 * `headers` and `auth: adc` give any URL target credentials; `parents`, `operations` and
 * `allowCancel` name what the user owns; `record` writes the session as HAR, and
 * `target: replay:FILE.har` answers a run from one. Every mistake is one line (exit 2).
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ParseArgsOptionDescriptor, ParseArgsOptionsConfig } from 'node:util';
import { usageError } from '#base';
import { serviceIds, serviceProfile } from '#specs';
import type { TargetAuthConfig } from '../http/index.ts';
import { normaliseScope, parseHeaderOptions, serviceScopes } from '../http/index.ts';
import type { TargetConfig } from '../plan/index.ts';
import { newProbeSeed } from '../plan/index.ts';
import { parseChoice, parseHttpUrl } from './args.ts';
import { RUN_PARSE_CONFIG } from './cli-run-values.ts';
import { type NamedResources, namedResources } from './named-resources.ts';
import type { OptionTerms } from './option-terms.ts';
import { readReplayRun } from './replay-options.ts';
import { type OptionRow, RUN_OPTIONS, type RunOptionValues } from './run-option-table.ts';
import { serviceEntries } from './service-values.ts';

/** What the live options add to a run; undefined fields leave run-options.ts's defaults. */
export interface LiveRunParts extends NamedResources {
  /** The live or replay target; undefined for the embedded reference and URL targets. */
  readonly target?: TargetConfig;
  /** Credentials for a URL target. */
  readonly urlAuth?: TargetAuthConfig;
  readonly probeSeed: string;
  readonly recordFile?: string;
  /** A replay asks what was recorded: its services and timing. */
  readonly services?: readonly string[];
  readonly deadlineMs?: number;
  readonly settleMs?: number;
}

const LIVE_ONLY = ['endpoints', 'maxRps', 'maxRequests'] as const;
const HTTP_ONLY = ['parents', 'operations', 'allowCancel', 'headers', 'auth', 'record'] as const;

export function liveRunParts(
  values: RunOptionValues,
  selected: readonly string[] | undefined,
  requestTimeoutMs: number,
  terms: OptionTerms,
): LiveRunParts {
  const replayFile = values.target?.startsWith('replay:') ? values.target.slice(7) : undefined;
  if (replayFile !== undefined) return replayParts(replayFile, values, selected, terms);
  if (values.live === true) return liveParts(values, selected, requestTimeoutMs, terms);
  for (const option of LIVE_ONLY) {
    if (values[option] !== undefined) {
      throw usageError(`${terms.name(option)} needs ${terms.name('live')}`);
    }
  }
  if (values.target === undefined) {
    for (const option of [...HTTP_ONLY, 'scopes', 'quotaProject'] as const) {
      if (values[option] !== undefined) {
        throw usageError(
          `${terms.name(option)} needs a target over HTTP (${terms.name('live')} or ${terms.name('target')} URL); the embedded reference needs none`,
        );
      }
    }
    return { parents: {}, operations: {}, cancellable: {}, probeSeed: newProbeSeed() };
  }
  const auth = credentialOptions(values, selected, 'none', terms);
  return {
    ...namedResources(values, selected, terms),
    ...(auth === undefined ? {} : { urlAuth: auth }),
    probeSeed: newProbeSeed(),
    ...recordOf(values, terms),
  };
}

function liveParts(
  values: RunOptionValues,
  selected: readonly string[] | undefined,
  requestTimeoutMs: number,
  terms: OptionTerms,
): LiveRunParts {
  for (const option of ['target', 'control'] as const) {
    if (values[option] !== undefined) {
      throw usageError(
        `${terms.name('live')} sends each service to its documented host and has no control endpoint: drop ${terms.name(option)} (${terms.name('endpoints')} SERVICE=URL gives a service another base URL)`,
      );
    }
  }
  const endpoints = Object.fromEntries(
    serviceIds().map((id) => [id, `https://${serviceProfile(id)?.host ?? id}`]),
  );
  for (const { service, value } of serviceEntries(values, 'endpoints', selected, terms)) {
    endpoints[service] = parseHttpUrl(`${terms.name('endpoints')} ${service}`, value);
  }
  return {
    ...namedResources(values, selected, terms),
    target: {
      kind: 'live',
      endpoints,
      auth: credentialOptions(values, selected, 'adc', terms) ?? { headers: [] },
      maxRps: values.maxRps ?? RUN_OPTIONS.maxRps.default,
      ...(values.maxRequests === undefined ? {} : { maxRequests: values.maxRequests }),
      requestTimeoutMs,
    },
    probeSeed: newProbeSeed(),
    ...recordOf(values, terms),
  };
}

function replayParts(
  file: string,
  values: RunOptionValues,
  selected: readonly string[] | undefined,
  terms: OptionTerms,
): LiveRunParts {
  const options = [
    ...HTTP_ONLY,
    ...LIVE_ONLY,
    'scopes',
    'quotaProject',
    'control',
    'deadlineMs',
    'settleMs',
  ] as const;
  for (const option of options) {
    if (values[option] !== undefined) {
      throw usageError(
        `${terms.name(option)} does not apply to a replay: it asks what was recorded, with the recorded parents, names and timing`,
      );
    }
  }
  if (values.live === true) {
    throw usageError(
      `${terms.name('live')} and ${terms.name('target')} replay:… exclude each other`,
    );
  }
  const recorded = readReplayRun(file, terms);
  const missing = (selected ?? []).filter((service) => !recorded.run.services.includes(service));
  if (missing.length > 0) {
    throw usageError(
      `${file} holds no recording of ${missing.join(', ')} (it has ${recorded.run.services.join(', ')})`,
    );
  }
  return {
    target: { kind: 'replay', file: resolve(file), endpoints: recorded.run.endpoints },
    parents: recorded.parents,
    operations: recorded.run.operations,
    cancellable: recorded.run.cancellable,
    probeSeed: recorded.run.probeSeed,
    services: selected ?? recorded.run.services,
    deadlineMs: recorded.run.deadlineMs,
    settleMs: recorded.run.settleMs,
  };
}

const CREDENTIAL_OPTIONS = ['headers', 'auth', 'scopes', 'quotaProject'] as const;

/** The credential options, which the drift command takes too (`--header`, `--auth`, …). */
export type CredentialValues = Pick<RunOptionValues, (typeof CREDENTIAL_OPTIONS)[number]>;

/**
 * Another command's credential flags (drift's), parsed by node:util under the flags of run's
 * rows, read by those rows' shapes: the same flags with the same rules.
 */
export function credentialFlagValues(flags: Readonly<Record<string, unknown>>): CredentialValues {
  const read: Partial<Record<(typeof CREDENTIAL_OPTIONS)[number], unknown>> = {};
  for (const option of CREDENTIAL_OPTIONS) {
    const row: OptionRow = RUN_OPTIONS[option];
    const given = flags[row.flag];
    if (given === undefined) continue;
    read[option] = (row.shape.fromText as (text: unknown, option: string) => unknown)(
      given,
      `--${row.flag}`,
    );
  }
  // Each value was read by its row's own shape, which is what CredentialValues says it holds.
  return read as CredentialValues;
}

/** node:util parseArgs options for the credential flags, as `run` takes them. */
export const CREDENTIAL_PARSE_CONFIG: ParseArgsOptionsConfig = Object.fromEntries(
  CREDENTIAL_OPTIONS.map((option) => {
    const { flag } = RUN_OPTIONS[option];
    return [flag, RUN_PARSE_CONFIG[flag] as ParseArgsOptionDescriptor];
  }),
);

/** Credentials for an HTTP target or for drift's documents; undefined when they add none. */
export function credentialOptions(
  values: CredentialValues,
  selected: readonly string[] | undefined,
  defaultAuth: 'adc' | 'none',
  terms: OptionTerms,
): TargetAuthConfig | undefined {
  const auth = parseChoice(terms.name('auth'), values.auth ?? defaultAuth, ['adc', 'none']);
  const headers = values.headers ?? [];
  parseHeaderOptions(headers, process.env, {
    header: terms.name('headers'),
    endpoint: terms.name('endpoints'),
  });
  if (auth === 'none') {
    for (const option of ['scopes', 'quotaProject'] as const) {
      if (values[option] !== undefined) {
        throw usageError(`${terms.name(option)} needs ${terms.name('auth')} adc`);
      }
    }
    return headers.length === 0 ? undefined : { headers };
  }
  const quotaProject = values.quotaProject?.trim();
  if (quotaProject === '') throw usageError(`${terms.name('quotaProject')} needs a project id`);
  return {
    adc: {
      scopes: scopesOf(values, selected, terms),
      ...(quotaProject ? { quotaProject } : {}),
    },
    headers,
  };
}

/** Every service's scopes: `scopes` where given, else the documented ones (service-scopes.ts). */
function scopesOf(
  values: CredentialValues,
  selected: readonly string[] | undefined,
  terms: OptionTerms,
): Record<string, readonly string[]> {
  const overrides = new Map<string, string[]>();
  for (const { service, value } of serviceEntries(values, 'scopes', selected, terms)) {
    const scope = normaliseScope(value, terms.name('scopes'));
    overrides.set(service, [...(overrides.get(service) ?? []), scope]);
  }
  return Object.fromEntries(
    serviceIds().flatMap((id) => {
      const profile = serviceProfile(id);
      return profile === undefined ? [] : [[id, serviceScopes(profile, overrides.get(id)).scopes]];
    }),
  );
}

function recordOf(values: RunOptionValues, terms: OptionTerms): { recordFile?: string } {
  const file = values.record;
  if (file === undefined) return {};
  const option = terms.name('record');
  const path = resolve(file);
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw usageError(`${option} ${file} is a directory; name the .har file to write`);
  }
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(dir)) {
      if (!statSync(dir).isDirectory()) {
        throw usageError(`${option} ${file}: ${dir} is not a directory`);
      }
      break;
    }
  }
  return { recordFile: path };
}
