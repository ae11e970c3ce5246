/**
 * Reads one service's Discovery document from a URL or a file and makes sure it is the one
 * expected: a Discovery REST description (`kind: discovery#restDescription`,
 * https://developers.google.com/discovery/v1/reference/apis) of the service's API and version.
 * Every way this can fail is one line saying what to do, never drift: for a URL an
 * UnavailableError (UNREADABLE), which `drift` reports on its own line and exits 3 for; for a
 * file the user named, INVALID_FILE (exit 2), as every command treats a file it is given.
 * A document nested deeper than any Discovery document (the ones in specs/discovery/ nest 14
 * levels) is refused here, naming it, before anything walks it: one nested 100,000 deep
 * overflowed the call stack.
 */
import { readFile } from 'node:fs/promises';
import { invalidFileError, isJsonObject, type JsonObject, UnavailableError } from '#base';
import { scrubText } from '#reports';
import type { ServiceProfile } from '#specs';
import type { FetchLike } from '../http/index.ts';
import { apiNameOf, type DiscoverySource } from './discovery-source.ts';
import { reasonOf } from './failure-reason.ts';

export interface LoadedDiscovery {
  readonly service: string;
  /** The URL (credentials scrubbed) or file it came from. */
  readonly source: string;
  readonly document: JsonObject;
  readonly revision: string | undefined;
}

export interface ReadOptions {
  readonly fetch: FetchLike;
  readonly timeoutMs: number;
}

export async function readDiscovery(
  profile: ServiceProfile,
  source: DiscoverySource,
  options: ReadOptions,
): Promise<LoadedDiscovery> {
  const label = source.kind === 'url' ? scrubText(source.url) : source.path;
  const fail = (problem: string, cause?: unknown): never => {
    const message = `${profile.id}: ${label} ${problem}`;
    throw source.kind === 'url'
      ? new UnavailableError(message, { cause })
      : invalidFileError(message, { cause });
  };
  const text =
    source.kind === 'url'
      ? await download(source.url, options, fail)
      : await readText(source.path, fail);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    return fail(`is not JSON (${(cause as Error).message})`, cause);
  }
  const depth = nestingDepth(parsed, MAX_DEPTH);
  if (depth > MAX_DEPTH) {
    return fail(`is nested more than ${MAX_DEPTH} levels deep: not a Discovery document`);
  }
  if (!isJsonObject(parsed) || parsed.kind !== 'discovery#restDescription') {
    return fail('is not a Discovery document (no "kind": "discovery#restDescription")');
  }
  const expected = `${apiNameOf(profile)} ${profile.version}`;
  const found = `${String(parsed.name)} ${String(parsed.version)}`;
  if (found !== expected) return fail(`is the Discovery document of ${found}, not of ${expected}`);
  return {
    service: profile.id,
    source: label,
    document: parsed,
    revision: typeof parsed.revision === 'string' ? parsed.revision : undefined,
  };
}

/** Far beyond any Discovery document, far below what recursion over one can bear. */
const MAX_DEPTH = 256;

/** How deep objects and arrays nest in `value`, counted with a stack of our own; stops past `limit`. */
function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, depth] = next;
    if (typeof item !== 'object' || item === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return deepest;
}

type Fail = (problem: string, cause?: unknown) => never;

async function readText(path: string, fail: Fail): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    return fail(
      `cannot be read (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message})`,
      cause,
    );
  }
}

async function download(url: string, options: ReadOptions, fail: Fail): Promise<string> {
  let response: Response;
  try {
    response = await options.fetch(
      new Request(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(options.timeoutMs),
      }),
    );
  } catch (cause) {
    return fail(`cannot be fetched (${reasonOf(cause)})`, cause);
  }
  if (!response.ok) {
    const hint =
      response.status === 401 || response.status === 403
        ? ': the document is not public; it needs an API key or credentials (docs/DRIFT.md)'
        : '';
    return fail(`answered HTTP ${response.status}${errorStatusIn(await response.text())}${hint}`);
  }
  try {
    return await response.text();
  } catch (cause) {
    return fail(`could not be read to the end (${reasonOf(cause)})`, cause);
  }
}

/** ` PERMISSION_DENIED` when the body is an AIP-193 error envelope. */
function errorStatusIn(body: string): string {
  try {
    const status = (JSON.parse(body) as { error?: { status?: unknown } }).error?.status;
    return typeof status === 'string' ? ` ${status}` : '';
  } catch {
    return '';
  }
}
