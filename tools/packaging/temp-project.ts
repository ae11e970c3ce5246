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

export async function npm(args: readonly string[], cwd: string): Promise<Exec> {
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

export interface Lock {
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
 * The lock's registry entries with their `resolved` tarball URL. This machine's npm writes locks
 * without them (`omit-lockfile-registry-resolved`); installing such a lock needs each package's
 * registry metadata, which an offline npm cache may lack, while the tarballs themselves are
 * cached by integrity. With the URL, `npm install --offline` needs only the tarballs.
 */
export function withResolvedUrls<T extends Lock>(lock: T): T {
  const packages: Record<string, LockEntry> = {};
  for (const [path, entry] of Object.entries(lock.packages)) {
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const registered =
      path !== '' && entry.resolved === undefined && entry.link === undefined && entry.version;
    packages[path] = registered
      ? {
          ...entry,
          resolved: `https://registry.npmjs.org/${name}/-/${name.split('/').at(-1)}-${String(entry.version)}.tgz`,
        }
      : entry;
  }
  return { ...lock, packages };
}

/**
 * The lock of a project that depends on lro-conformance at `spec` only (`file:x.tgz`, a
 * `git+file://…#commit` URL): the repository's locked entries minus dev-only ones (a
 * `devOptional` package is optional outside development).
 */
export function consumerLock(repositoryLock: Lock, manifest: Manifest, spec: string): object {
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
  for (const [path, entry] of Object.entries(withResolvedUrls(repositoryLock).packages)) {
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
  /** What the project depends on: the packed tarball's file name, or the git URL. */
  readonly tarball: string;
}

/**
 * A project in `<base>/project` that depends on lro-conformance at `spec` only, installed with
 * `npm ci --offline` from the lock made above.
 */
export async function installConsumer(base: string, spec: string): Promise<string> {
  const dir = join(base, 'project');
  const manifest = JSON.parse(
    readFileSync(join(REPOSITORY_ROOT, 'package.json'), 'utf8'),
  ) as Manifest;
  const lock = JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'package-lock.json'), 'utf8')) as Lock;
  mkdirSync(dir, { recursive: true });
  const project = {
    name: 'lro-packaging-check',
    private: true,
    type: 'module',
    dependencies: { 'lro-conformance': spec },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(project, null, 2)}\n`);
  writeFileSync(
    join(dir, 'package-lock.json'),
    `${JSON.stringify(consumerLock(lock, manifest, spec), null, 2)}\n`,
  );
  await npm(['ci', '--offline', '--no-audit', '--no-fund'], dir);
  return dir;
}

/** Packs the repository and installs the tarball, offline, into a fresh project. */
export async function packAndInstall(): Promise<TempProject> {
  const base = mkdtempSync(join(tmpdir(), 'lro-packaging-'));
  await npm(['pack', '--pack-destination', base, '--silent'], REPOSITORY_ROOT);
  const tarball = readdirSync(base).find((name) => name.endsWith('.tgz'));
  if (tarball === undefined) throw new Error(`npm pack wrote no tarball into ${base}`);
  mkdirSync(join(base, 'project'));
  copyFileSync(join(base, tarball), join(base, 'project', tarball));
  const dir = await installConsumer(base, `file:${tarball}`);
  return { dir, base, tarball };
}
