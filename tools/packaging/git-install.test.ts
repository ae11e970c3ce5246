/**
 * README "Install", the git URL route: a project installs lro-conformance from the `git+file://`
 * URL of a temporary clone of this checkout, as it would from GitHub. npm clones it, installs its
 * devDependencies there, runs `prepare` (tools/build/prepare.ts: the build) and installs what
 * that packs, so the project gets dist/ and both commands, and no sources, tests or tools.
 * Offline, from npm's cache (temp-project.ts). Slow: the clone's install is the whole
 * development tree, about a minute.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCES_FIELD } from '../build/build.ts';
import { sourceFingerprint } from '../build/source-fingerprint.ts';
import { gitCheckout } from './temp-checkout.ts';
import { type Exec, exec, installConsumer } from './temp-project.ts';

const SLOW = 600_000;
let base: string;
let repository: string;
let project: string;

const installed = () => join(project, 'node_modules', 'lro-conformance');
const command = (name: string, args: readonly string[]): Promise<Exec> =>
  exec(join(project, 'node_modules', '.bin', name), args, { cwd: project, timeoutMs: SLOW });

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'lro-git-install-'));
  repository = join(base, 'lro-conformance.git');
  const commit = gitCheckout(repository);
  project = await installConsumer(base, `git+file://${repository}#${commit}`);
}, SLOW);

afterAll(async () => {
  if (base) await rm(base, { recursive: true, force: true });
}, 120_000);

describe('npm install from a git URL', () => {
  it('gets the build prepare made in the clone, of exactly these sources', () => {
    const manifest = JSON.parse(readFileSync(join(installed(), 'dist', 'package.json'), 'utf8'));
    expect(manifest[SOURCES_FIELD]).toBe(sourceFingerprint(repository));
    expect(existsSync(join(installed(), 'dist', 'harness', 'cli', 'bin.js'))).toBe(true);
  });

  it('gets the published files only: no sources, tests or tools', () => {
    expect(readdirSync(installed()).sort()).toEqual(
      ['LICENSE', 'README.md', 'bin', 'dist', 'docs', 'package.json', 'specs'].sort(),
    );
  });

  it(
    'runs the command from the project, and links the Action step',
    async () => {
      const run = await command('lro-conformance', ['run', '--service', 'checks']);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('conformant: every applicable MUST cell passed');
      expect(existsSync(join(project, 'node_modules', '.bin', 'lro-conformance-action'))).toBe(
        true,
      );
    },
    SLOW,
  );
});
