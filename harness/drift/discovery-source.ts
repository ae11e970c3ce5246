/**
 * Where each service's Discovery document comes from: a file or URL the user names
 * (`--discovery SERVICE=URL|FILE`), else the `discoveryRestUrl` the Discovery directory lists
 * for the API and version (https://developers.google.com/discovery/v1/reference/apis/list),
 * else the service's own `https://HOST/$discovery/rest?version=VERSION`, which APIs outside the
 * public directory serve (some only with an API key).
 */
import type { ServiceProfile } from '#specs';
import type { FetchLike } from '../http/index.ts';
import { reasonOf } from './failure-reason.ts';

export type DiscoverySource =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'file'; readonly path: string };

export const DISCOVERY_DIRECTORY_URL = 'https://discovery.googleapis.com/discovery/v1/apis';

/** The API name Discovery uses: the first label of the host (`checks.googleapis.com` → `checks`). */
export function apiNameOf(profile: ServiceProfile): string {
  return profile.host.split('.')[0] ?? profile.host;
}

export function serviceDiscoveryUrl(profile: ServiceProfile): string {
  return `https://${profile.host}/$discovery/rest?version=${encodeURIComponent(profile.version)}`;
}

/** `file` for a path, `url` for an http(s) URL. */
export function discoverySourceOf(text: string): DiscoverySource {
  return /^https?:\/\//i.test(text) ? { kind: 'url', url: text } : { kind: 'file', path: text };
}

export function describeSource(source: DiscoverySource): string {
  return source.kind === 'url' ? source.url : source.path;
}

export interface ResolvedSources {
  readonly sources: ReadonlyMap<string, DiscoverySource>;
  /** Why a default was used (the directory could not be read), for the report. */
  readonly notes: readonly string[];
}

export interface ResolveOptions {
  readonly fetch: FetchLike;
  readonly directoryUrl?: string;
  readonly timeoutMs: number;
}

/** Named sources win; the directory is read only when some service has none. */
export async function resolveDiscoverySources(
  profiles: readonly ServiceProfile[],
  named: ReadonlyMap<string, DiscoverySource>,
  options: ResolveOptions,
): Promise<ResolvedSources> {
  const unnamed = profiles.filter((profile) => !named.has(profile.id));
  const sources = new Map(named);
  if (unnamed.length === 0) return { sources, notes: [] };
  const directoryUrl = options.directoryUrl ?? DISCOVERY_DIRECTORY_URL;
  const notes: string[] = [];
  let listed: ReadonlyMap<string, string> = new Map();
  try {
    listed = await readDirectory(directoryUrl, options);
  } catch (error) {
    notes.push(
      `the Discovery directory ${directoryUrl} could not be read (${reasonOf(error)}): each service's own $discovery/rest URL was used`,
    );
  }
  for (const profile of unnamed) {
    const url =
      listed.get(`${apiNameOf(profile)}:${profile.version}`) ?? serviceDiscoveryUrl(profile);
    sources.set(profile.id, { kind: 'url', url });
  }
  return { sources, notes };
}

/** `name:version` → discoveryRestUrl of every item the directory lists. */
async function readDirectory(url: string, options: ResolveOptions): Promise<Map<string, string>> {
  const response = await options.fetch(
    new Request(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(options.timeoutMs),
    }),
  );
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body = (await response.json()) as { items?: unknown };
  const listed = new Map<string, string>();
  for (const item of Array.isArray(body.items) ? body.items : []) {
    const { name, version, discoveryRestUrl } = (item ?? {}) as Record<string, unknown>;
    if (
      typeof name === 'string' &&
      typeof version === 'string' &&
      typeof discoveryRestUrl === 'string'
    )
      listed.set(`${name}:${version}`, discoveryRestUrl);
  }
  return listed;
}
