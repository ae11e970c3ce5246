/**
 * The version of an installed package, read from its package.json. Found by resolving the
 * package's entry point and walking up, because packages with an `exports` map (google-gax)
 * refuse `require.resolve('<name>/package.json')`. `from` resolves a dependency the way that
 * package sees it (@google-ads/admanager's own google-gax 5).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { InteropSetupError } from '../interop-error.ts';

export function installedVersion(name: string, from: string = import.meta.url): string {
  let directory = dirname(resolveEntry(name, from));
  for (;;) {
    const manifest = readManifest(join(directory, 'package.json'));
    if (manifest?.name === name && typeof manifest.version === 'string') return manifest.version;
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  throw new InteropSetupError(`No package.json of ${name} above its entry point: run npm ci.`);
}

/** `require` as seen from a package's entry point (for its own copies of dependencies). */
export function requireFrom(name: string, from: string = import.meta.url): NodeJS.Require {
  return createRequire(resolveEntry(name, from));
}

function resolveEntry(name: string, from: string): string {
  try {
    return createRequire(from).resolve(name);
  } catch (cause) {
    throw new InteropSetupError(`Cannot resolve ${name}: is it installed (npm ci)?`, { cause });
  }
}

function readManifest(file: string): { name?: unknown; version?: unknown } | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
  } catch {
    return undefined;
  }
}
