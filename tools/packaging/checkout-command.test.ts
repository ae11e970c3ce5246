/**
 * `npx lro-conformance` in a checkout, before and after `npm run build`: the command npm links is
 * bin/lro-conformance.js, which is always there, so npx's cache never remembers "not found"; it
 * runs the TypeScript sources while there is no dist/, and the build once there is. A copy of the
 * checkout shares this repository's node_modules (a symlink) and gets an npx cache of its own;
 * npx's own install skips `prepare` (`npm_config_ignore_scripts`), so the first run finds no
 * build, as after `npm ci --ignore-scripts` or a clone that was never installed with scripts.
 */
import { existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyCheckout } from './temp-checkout.ts';
import { childEnv, type Exec, exec, REPOSITORY_ROOT } from './temp-project.ts';

const SLOW = 240_000;
let base: string;
let checkout: string;

function npx(args: readonly string[]): Promise<Exec> {
  return exec('npx', ['--offline', '--yes', 'lro-conformance', ...args], {
    cwd: checkout,
    timeoutMs: SLOW,
    env: {
      ...childEnv(),
      PATH: `${join(checkout, 'node_modules', '.bin')}:${childEnv().PATH ?? ''}`,
      npm_config_cache: join(base, 'npm-cache'),
      npm_config_ignore_scripts: 'true',
    },
  });
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'lro-checkout-'));
  checkout = join(base, 'lro-conformance');
  copyCheckout(checkout);
  symlinkSync(join(REPOSITORY_ROOT, 'node_modules'), join(checkout, 'node_modules'));
});

afterAll(async () => {
  if (base) await rm(base, { recursive: true, force: true });
});

describe('npx lro-conformance in a checkout', () => {
  it(
    'runs the sources before a build, and the build after it, from the same npx cache',
    async () => {
      expect(existsSync(join(checkout, 'dist'))).toBe(false);
      const before = await npx(['run', '--service', 'checks', '--report-dir', 'before']);
      expect(before.stderr).not.toContain('not found');
      expect(before.code, before.stderr).toBe(0);
      expect(before.stdout).toContain('conformant: every applicable MUST cell passed');

      const build = await exec('npm', ['run', 'build'], { cwd: checkout, timeoutMs: SLOW });
      expect(build.code, build.stderr).toBe(0);
      expect(existsSync(join(checkout, 'dist', 'harness', 'cli', 'bin.js'))).toBe(true);

      const after = await npx(['run', '--service', 'checks', '--report-dir', 'after']);
      expect(after.code, after.stderr).toBe(0);
      expect(after.stdout).toContain('conformant: every applicable MUST cell passed');
      const version = await npx(['--version']);
      const { version: expected } = JSON.parse(
        readFileSync(join(REPOSITORY_ROOT, 'package.json'), 'utf8'),
      ) as { version: string };
      expect(version).toEqual({ code: 0, stdout: `${expected}\n`, stderr: '' });
    },
    SLOW,
  );
});
