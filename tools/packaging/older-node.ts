/**
 * Finds a Node.js older than the package's `engines` on this machine (the system Node, when the
 * project's own Node 22 comes from the `node@22` devDependency), so the packaging test can show
 * what a user with an old Node sees.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { satisfiesNodeVersion } from '#base';

export interface OlderNode {
  readonly path: string;
  readonly version: string;
}

function versionOf(path: string): string | undefined {
  try {
    accessSync(path, constants.X_OK);
    return execFileSync(path, ['-p', 'process.versions.node'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

/** The first `node` on PATH (or in the usual places) older than 22.12, if there is one. */
export function findOlderNode(): OlderNode | undefined {
  const candidates = [
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'node')),
    '/usr/local/bin/node',
    '/usr/bin/node',
  ];
  const seen = new Set([realpathSync(process.execPath)]);
  for (const candidate of candidates) {
    let real: string;
    try {
      real = realpathSync(candidate);
    } catch {
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    const version = versionOf(real);
    if (version !== undefined && !satisfiesNodeVersion(version)) return { path: real, version };
  }
  return undefined;
}
