/**
 * The `run` flags of live mode and of credentials for HTTP targets (docs/LIVE.md): `--live`
 * sends the safe probes to each service's documented host (`x-google-service.host` of its spec
 * document) with Application Default Credentials; `--header` and `--auth adc` give any URL target
 * credentials; `--parent`, `--operation` and `--allow-cancel` name what the user owns; `--record`
 * writes the session as HAR, and `--target replay:FILE.har` answers a run from one. Parsed here
 * so that run-options.ts only calls in; every mistake is one line (exit 2).
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { usageError } from '#base';
import { serviceIds, serviceProfile } from '#specs';
import { newProbeSeed } from '../clause/probe-names.ts';
import { parseHeaderOptions } from '../http/auth/header-options.ts';
import { normaliseScope, serviceScopes } from '../http/auth/service-scopes.ts';
import type { TargetAuthConfig } from '../http/auth/target-auth.ts';
import { DEFAULT_LIVE_MAX_RPS } from '../http/rate-limit.ts';
import type { TargetConfig } from '../targets/target.ts';
import { parseHttpUrl, parseInteger } from './args.ts';
import { type NamedResources, namedResources } from './named-resources.ts';
import { readReplayRun } from './replay-options.ts';
import { serviceValues } from './service-values.ts';

/** node:util parseArgs options, merged into `run`'s own. */
export const LIVE_FLAGS = {
  live: { type: 'boolean' },
  parent: { type: 'string', multiple: true },
  operation: { type: 'string', multiple: true },
  'allow-cancel': { type: 'string', multiple: true },
  endpoint: { type: 'string', multiple: true },
  scope: { type: 'string', multiple: true },
  'quota-project': { type: 'string' },
  'max-rps': { type: 'string' },
  'max-requests': { type: 'string' },
  record: { type: 'string' },
  header: { type: 'string', multiple: true },
  auth: { type: 'string' },
} as const;

export const LIVE_USAGE = `Live mode and credentials (docs/LIVE.md):
  --live                each service at its documented host, with Application Default
                        Credentials; only probes that harm nothing unless told otherwise
  --parent S=PREFIX     leading part of S's operation names you own, for probe names
                        (e.g. datafusion=projects/P/locations/L; repeatable)
  --operation S=NAME    an existing operation of S to read, never change (repeatable)
  --allow-cancel S=NAME an existing operation of S the run may cancel, exactly once
  --endpoint S=URL      another base URL for S (regional, private, a stand-in)
  --scope S=SCOPE       the OAuth scope to request for S (repeatable; default: documented)
  --quota-project ID    bill quota to this project (x-goog-user-project)
  --max-rps N           requests per second per host (default ${DEFAULT_LIVE_MAX_RPS})
  --max-requests N      send at most N requests per service; more are ERROR
  --header 'Name: value'  add a header to every request ($VAR expanded; repeatable)
  --auth adc|none       Application Default Credentials (default: adc with --live)
  --record FILE.har     write the session's exchanges as HAR 1.2, scrubbed
  --target replay:FILE.har  answer the run from a recording, offline`;

export interface LiveFlagValues {
  readonly live?: boolean | undefined;
  readonly parent?: string[] | undefined;
  readonly operation?: string[] | undefined;
  readonly 'allow-cancel'?: string[] | undefined;
  readonly endpoint?: string[] | undefined;
  readonly scope?: string[] | undefined;
  readonly 'quota-project'?: string | undefined;
  readonly 'max-rps'?: string | undefined;
  readonly 'max-requests'?: string | undefined;
  readonly record?: string | undefined;
  readonly header?: string[] | undefined;
  readonly auth?: string | undefined;
  readonly target?: string | undefined;
  readonly control?: string | undefined;
  readonly deadline?: string | undefined;
  readonly settle?: string | undefined;
}

/** What the live flags add to a run; undefined fields leave run-options.ts's defaults. */
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

const LIVE_ONLY = ['endpoint', 'max-rps', 'max-requests'] as const;
const HTTP_ONLY = ['parent', 'operation', 'allow-cancel', 'header', 'auth', 'record'] as const;

export function parseLiveRunParts(
  values: LiveFlagValues,
  selected: readonly string[] | undefined,
  requestTimeoutMs: number,
): LiveRunParts {
  const replayFile = values.target?.startsWith('replay:') ? values.target.slice(7) : undefined;
  if (replayFile !== undefined) return replayParts(replayFile, values, selected);
  if (values.live === true) return liveParts(values, selected, requestTimeoutMs);
  for (const flag of LIVE_ONLY) {
    if (values[flag] !== undefined) throw usageError(`--${flag} needs --live`);
  }
  if (values.target === undefined) {
    for (const flag of [...HTTP_ONLY, 'scope', 'quota-project'] as const) {
      if (values[flag] !== undefined) {
        throw usageError(
          `--${flag} needs a target over HTTP (--live or --target URL); the embedded reference needs none`,
        );
      }
    }
    return { parents: {}, operations: {}, cancellable: {}, probeSeed: newProbeSeed() };
  }
  const auth = credentialFlags(values, selected, 'none');
  return {
    ...namedResources(values, selected),
    ...(auth === undefined ? {} : { urlAuth: auth }),
    probeSeed: newProbeSeed(),
    ...recordOf(values),
  };
}

function liveParts(
  values: LiveFlagValues,
  selected: readonly string[] | undefined,
  requestTimeoutMs: number,
): LiveRunParts {
  for (const flag of ['target', 'control'] as const) {
    if (values[flag] !== undefined) {
      throw usageError(
        `--live sends each service to its documented host and has no control endpoint: drop --${flag} (--endpoint SERVICE=URL gives a service another base URL)`,
      );
    }
  }
  const endpoints = Object.fromEntries(
    serviceIds().map((id) => [id, `https://${serviceProfile(id)?.host ?? id}`]),
  );
  for (const { service, value } of serviceValues('endpoint', values.endpoint, selected)) {
    endpoints[service] = parseHttpUrl(`endpoint ${service}`, value);
  }
  const maxRequests = values['max-requests'];
  return {
    ...namedResources(values, selected),
    target: {
      kind: 'live',
      endpoints,
      auth: credentialFlags(values, selected, 'adc') ?? { headers: [] },
      maxRps: maxRps(values['max-rps']),
      ...(maxRequests === undefined
        ? {}
        : {
            maxRequests: parseInteger('max-requests', maxRequests, {
              min: 1,
              max: 1_000_000,
            }),
          }),
      requestTimeoutMs,
    },
    probeSeed: newProbeSeed(),
    ...recordOf(values),
  };
}

function replayParts(
  file: string,
  values: LiveFlagValues,
  selected: readonly string[] | undefined,
): LiveRunParts {
  const flags = [
    ...HTTP_ONLY,
    ...LIVE_ONLY,
    'scope',
    'quota-project',
    'control',
    'deadline',
    'settle',
  ] as const;
  for (const flag of flags) {
    if (values[flag] !== undefined) {
      throw usageError(
        `--${flag} does not apply to a replay: it asks what was recorded, with the recorded parents, names and timing`,
      );
    }
  }
  if (values.live === true) throw usageError('--live and --target replay:… exclude each other');
  const recorded = readReplayRun(file);
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

/**
 * `--header`, `--auth`, `--scope`, `--quota-project` (also the drift command's): undefined when
 * they add no credentials.
 */
export function credentialFlags(
  values: Pick<LiveFlagValues, 'header' | 'auth' | 'scope' | 'quota-project'>,
  selected: readonly string[] | undefined,
  defaultAuth: 'adc' | 'none',
): TargetAuthConfig | undefined {
  const auth = values.auth ?? defaultAuth;
  if (auth !== 'adc' && auth !== 'none') {
    throw usageError(`unknown --auth value "${auth}" (allowed: adc, none)`);
  }
  const headers = values.header ?? [];
  parseHeaderOptions(headers);
  if (auth === 'none') {
    for (const flag of ['scope', 'quota-project'] as const) {
      if (values[flag] !== undefined) throw usageError(`--${flag} needs --auth adc`);
    }
    return headers.length === 0 ? undefined : { headers };
  }
  const quotaProject = values['quota-project']?.trim();
  if (quotaProject === '') throw usageError('--quota-project needs a project id');
  return {
    adc: { scopes: scopesOf(values.scope, selected), ...(quotaProject ? { quotaProject } : {}) },
    headers,
  };
}

/** Every service's scopes: `--scope` where given, else the documented ones (service-scopes.ts). */
function scopesOf(
  items: readonly string[] | undefined,
  selected: readonly string[] | undefined,
): Record<string, readonly string[]> {
  const overrides = new Map<string, string[]>();
  for (const { service, value } of serviceValues('scope', items, selected)) {
    overrides.set(service, [...(overrides.get(service) ?? []), normaliseScope(value)]);
  }
  return Object.fromEntries(
    serviceIds().flatMap((id) => {
      const profile = serviceProfile(id);
      return profile === undefined ? [] : [[id, serviceScopes(profile, overrides.get(id)).scopes]];
    }),
  );
}

function recordOf(values: LiveFlagValues): { recordFile?: string } {
  const file = values.record;
  if (file === undefined) return {};
  const path = resolve(file);
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw usageError(`--record ${file} is a directory; name the .har file to write`);
  }
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(dir)) {
      if (!statSync(dir).isDirectory())
        throw usageError(`--record ${file}: ${dir} is not a directory`);
      break;
    }
  }
  return { recordFile: path };
}

function maxRps(text: string | undefined): number {
  if (text === undefined) return DEFAULT_LIVE_MAX_RPS;
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(value > 0) || value > 1000) {
    throw usageError(
      `--max-rps takes a number of requests per second above 0, e.g. 2 or 0.5; got "${text}"`,
    );
  }
  return value;
}
