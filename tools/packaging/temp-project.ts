/**
 * A throw-away project outside the repository with the packed lro-conformance installed in it,
 * as a user's project would have it after `npm i -D lro-conformance`: `npm pack` (whose
 * `prepack` builds dist/ fresh), then an offline install of the tarball.
 *
 * Offline means from the npm cache that `npm ci` filled. That cache holds the dependencies'
 * tarballs but not necessarily their registry metadata (npm ci reads versions from the lock
 * and never fetches it), and resolving `npm install <tarball>` needs the metadata. So the
 * project gets a package-lock.json made of this repository's locked production dependencies
 * (the tree `npm ci --omit=dev` would install) plus the tarball, and `npm ci --offline`
 * installs exactly that, from the cache only.
 */
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Exec {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment for child processes: `nodeDirectory` first on PATH (the `node` a bin's
 * `#!/usr/bin/env node` finds), and nothing of the npm or vitest process around this test, so
 * a child npm cannot mistake the repository for its project (`npm_config_local_prefix`).
 */
export function childEnv(nodeDirectory = dirname(process.execPath)): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|vitest)/i.test(key) || key === 'NODE_OPTIONS' || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  env.PATH = [nodeDirectory, process.env.PATH ?? ''].join(delimiter);
  env.NO_COLOR = '1';
  env.METADATA_SERVER_DETECTION = 'none';
  return env;
}

/** Runs a command to its end; never rejects on a non-zero exit (the caller checks `code`). */
export function exec(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<Exec> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd,
        env: options.env ?? childEnv(),
        timeout: options.timeoutMs ?? 120_000,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr: error && code === -1 ? `${stderr}${error}` : stderr });
      },
    );
  });
}

function npmCache(): string[] {
  const cache = process.env.npm_config_cache;
  return cache ? ['--cache', cache] : [];
}

async function npm(args: readonly string[], cwd: string): Promise<Exec> {
  const result = await exec('npm', [...args, ...npmCache()], { cwd, timeoutMs: 300_000 });
  if (result.code !== 0) {
    throw new Error(`npm ${args.join(' ')} exited ${result.code}:\n${result.stderr}`);
  }
  return result;
}

interface LockEntry {
  readonly dev?: boolean;
  readonly devOptional?: boolean;
  readonly [key: string]: unknown;
}

interface Lock {
  readonly packages: Readonly<Record<string, LockEntry>>;
}

interface Manifest {
  readonly version: string;
  readonly license?: string;
  readonly dependencies?: Record<string, string>;
  readonly bin?: Record<string, string>;
  readonly engines?: Record<string, string>;
}

/**
 * The lock of a project that depends on the tarball only: the repository's locked entries
 * minus dev-only ones (a `devOptional` package is optional outside development).
 */
export function consumerLock(repositoryLock: Lock, manifest: Manifest, tarball: string): object {
  const spec = `file:${tarball}`;
  const packages: Record<string, unknown> = {
    '': { name: 'lro-packaging-check', dependencies: { 'lro-conformance': spec } },
    'node_modules/lro-conformance': {
      version: manifest.version,
      resolved: spec,
      license: manifest.license,
      dependencies: manifest.dependencies,
      bin: manifest.bin,
      engines: manifest.engines,
    },
  };
  for (const [path, entry] of Object.entries(repositoryLock.packages)) {
    if (path === '' || entry.dev === true) continue;
    const { devOptional, ...rest } = entry;
    packages[path] = devOptional === true ? { ...rest, optional: true } : rest;
  }
  return { name: 'lro-packaging-check', lockfileVersion: 3, requires: true, packages };
}

export interface TempProject {
  /** The project folder (under the OS temp folder, outside the repository). */
  readonly dir: string;
  /** The folder holding everything this run created; remove it when done. */
  readonly base: string;
  /** The packed tarball's file name, as `npm pack` named it. */
  readonly tarball: string;
}

/** Packs the repository and installs the tarball, offline, into a fresh project. */
export async function packAndInstall(): Promise<TempProject> {
  const base = mkdtempSync(join(tmpdir(), 'lro-packaging-'));
  const dir = join(base, 'project');
  await npm(['pack', '--pack-destination', base, '--silent'], REPOSITORY_ROOT);
  const tarball = readdirSync(base).find((name) => name.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack wrote no tarball into ${base}`);

  const manifest = JSON.parse(
    readFileSync(join(REPOSITORY_ROOT, 'package.json'), 'utf8'),
  ) as Manifest;
  const lock = JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'package-lock.json'), 'utf8')) as Lock;
  mkdirSync(dir);
  copyFileSync(join(base, tarball), join(dir, tarball));
  const project = {
    name: 'lro-packaging-check',
    private: true,
    type: 'module',
    dependencies: { 'lro-conformance': `file:${tarball}` },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(project, null, 2)}\n`);
  writeFileSync(
    join(dir, 'package-lock.json'),
    `${JSON.stringify(consumerLock(lock, manifest, tarball), null, 2)}\n`,
  );
  await npm(['ci', '--offline', '--no-audit', '--no-fund'], dir);
  return { dir, base, tarball };
}
