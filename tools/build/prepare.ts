/**
 * npm's `prepare` script: builds dist/ unless it is already the build of these sources. npm
 * runs `prepare` where a build is needed: when a project installs lro-conformance from a git
 * URL (npm installs the devDependencies into the clone, runs `prepare`, then packs it: the
 * package gets its dist/), before `npm pack` and `npm publish`, and on `npm install` / `npm ci`
 * in a checkout, where it builds once and then finds dist/ fresh (the digest of the sources
 * kept in dist/package.json, source-fingerprint.ts) and says so in a line. Without the
 * devDependencies (`npm ci --omit=dev`) there is nothing to build with: it says so and leaves
 * the command to run the sources (bin/launch.js).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, SOURCES_FIELD } from './build.ts';
import { sourceFingerprint } from './source-fingerprint.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Why dist/ needs no build: fresh, or no compiler; undefined when it needs one. */
export function noBuildNeeded(root: string): string | undefined {
  try {
    createRequire(`${root}package.json`).resolve('typescript/package.json');
  } catch {
    return 'no build: the devDependencies are not installed (the command runs the TypeScript sources)';
  }
  const manifest = `${root}dist/package.json`;
  if (!existsSync(manifest)) return undefined;
  const built = (JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>)[
    SOURCES_FIELD
  ];
  return built === sourceFingerprint(root) ? 'dist/ is the build of these sources' : undefined;
}

if (import.meta.main) {
  const skip = noBuildNeeded(ROOT);
  if (skip !== undefined) {
    process.stdout.write(`lro-conformance prepare: ${skip}\n`);
  } else {
    const { copied, bundled } = await build();
    process.stdout.write(
      `lro-conformance prepare: built dist/ (${copied} data files; the worker bundled into ${bundled} files)\n`,
    );
  }
}
