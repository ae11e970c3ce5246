/**
 * Which build of lro-conformance a benchmark runs: the compiled one in dist/ (what users install,
 * docs/decisions/0005-build-layout.md), rebuilt first when it was built from other sources, or the
 * repository's TypeScript sources (quicker to iterate on, slower to start: Node strips types).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOURCES_FIELD } from '../build/build.ts';
import { sourceFingerprint } from '../build/source-fingerprint.ts';

export const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type LayoutKind = 'dist' | 'sources';

export interface Layout {
  readonly kind: LayoutKind;
  /** The folder that holds base/, harness/, specs/, reports/, suites/ and their package.json. */
  readonly root: string;
  /** The CLI entry point. */
  readonly bin: string;
}

export function layoutAt(kind: LayoutKind, root: string): Layout {
  return {
    kind,
    root,
    bin: join(root, kind === 'dist' ? 'harness/cli/bin.js' : 'harness/cli/bin.ts'),
  };
}

/** True when dist/ was built from the sources as they are now (tools/build/source-fingerprint.ts). */
export function distIsFresh(): boolean {
  const manifest = join(REPOSITORY_ROOT, 'dist/package.json');
  if (!existsSync(manifest)) return false;
  const built = (JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, unknown>)[
    SOURCES_FIELD
  ];
  return built === sourceFingerprint(REPOSITORY_ROOT);
}

/** The layout to measure; builds dist/ (`npm run build`) when it is missing or stale. */
export function prepareLayout(kind: LayoutKind, log: (line: string) => void): Layout {
  if (kind === 'sources') return layoutAt('sources', REPOSITORY_ROOT);
  if (!distIsFresh()) {
    log('dist/ is missing or was built from other sources: npm run build');
    const built = spawnSync(process.execPath, ['tools/build/build.ts'], {
      cwd: REPOSITORY_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (built.status !== 0) throw new Error(`npm run build failed (exit ${built.status})`);
  }
  return layoutAt('dist', join(REPOSITORY_ROOT, 'dist'));
}

/**
 * A private copy of a layout in the system temp folder, for runs that change its data (synthetic
 * services). Its node_modules is a link to the repository's, so packages resolve as before.
 */
export function copyLayout(layout: Layout): Layout {
  const root = mkdtempSync(join(tmpdir(), 'lro-bench-copy-'));
  // Every part of the build but its packages: a list of parts went stale when base/ was added.
  for (const part of readdirSync(layout.root).filter((name) => name !== 'node_modules')) {
    cpSync(join(layout.root, part), join(root, part), {
      recursive: true,
      filter: (source) => !source.includes('/node_modules'),
    });
  }
  symlinkSync(join(REPOSITORY_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return layoutAt(layout.kind, root);
}
