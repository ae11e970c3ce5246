/**
 * The second step of `npm run build`: bundles what the run's worker thread loads (run-entry.js,
 * every suite and the harness, reports and specs modules they import) with rolldown, in place
 * in dist/. The worker loaded about 260 small modules of its own, and resolving, reading and
 * linking them one by one took most of its load phase: bundled into a few files, that phase drops
 * from about 330 to about 150 ms (docs/PERFORMANCE.md). The CLI thread, the API and the shipped
 * entry points keep the unbundled tsc output (docs/decisions/0011-worker-bundle.md).
 *
 * - Each suite stays an entry at its own path: `defineClause(import.meta.url, …)` derives the
 *   clause id from it, and the run imports suites by path.
 * - Packages stay external, each loaded once from node_modules like any dependency.
 * - The code reads its data files relative to its own module (`new URL('./x', import.meta.url)`);
 *   a module moved into a chunk would read the wrong place, so each such URL is rewritten to the
 *   same file relative to the chunk it lands in (`packageRelativeAssetUrls`).
 */
import { dirname, join, posix, relative, resolve } from 'node:path';
import { type OutputChunk, type Plugin, rolldown } from 'rolldown';

/** The worker's shared chunks, under dist/. */
export const WORKER_CHUNKS_DIRECTORY = 'harness/run/worker';

const ASSET_URL = /new URL\((['"])(\.{1,2}\/[^'"]*)\1,\s*import\.meta\.url\)/g;
const PLACEHOLDER = /new URL\("lro-package-path:([^"]*)", import\.meta\.url\)/g;

/**
 * Rewrites `new URL('./relative', import.meta.url)` to point at the same file from whichever
 * output file the module ends up in. `transform` records each URL as a path from `packageRoot`;
 * `renderChunk` turns it back into a path relative to the chunk.
 */
export function packageRelativeAssetUrls(packageRoot: string): Plugin {
  const locationSensitive = new Set<string>();
  return {
    name: 'lro-package-relative-asset-urls',
    transform(code, id) {
      if (!id.startsWith(packageRoot)) return null;
      const rewritten = code.replace(ASSET_URL, (_match, _quote, path: string) => {
        const target = relative(packageRoot, resolve(dirname(id), path)).replaceAll('\\', '/');
        const suffix = path.endsWith('/') && target !== '' ? '/' : '';
        return `new URL("lro-package-path:${target}${suffix}", import.meta.url)`;
      });
      if (usesOwnLocation(rewritten)) locationSensitive.add(id);
      return rewritten === code ? null : { code: rewritten };
    },
    renderChunk(code, chunk) {
      // An entry keeps its path, so its modules may use their location; a shared chunk may not.
      const moved = chunk.isEntry ? [] : chunk.moduleIds.filter((id) => locationSensitive.has(id));
      if (moved.length > 0) {
        this.error(
          `${moved.map((id) => relative(packageRoot, id)).join(', ')} use import.meta for more than a data file's URL or createRequire, and would see the location of ${chunk.fileName} instead of their own: keep such code out of the worker, or teach tools/build/bundle-worker.ts the new use`,
        );
      }
      return code.includes('lro-package-path:')
        ? { code: rewritePlaceholders(code, chunk.fileName) }
        : null;
    },
  };
}

/** Whether code uses `import.meta` other than in a rewritten data-file URL or `createRequire`. */
function usesOwnLocation(code: string): boolean {
  return /\bimport\.meta\b/.test(
    code
      .replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '')
      .replace(PLACEHOLDER, '')
      .replaceAll('createRequire(import.meta.url)', ''),
  );
}

/** Turns each recorded package path into a path relative to `fileName` (both from the root). */
export function rewritePlaceholders(code: string, fileName: string): string {
  return code.replace(PLACEHOLDER, (_match, target: string) => {
    const path = posix.relative(posix.dirname(fileName), target) || '.';
    const withSlash = target.endsWith('/') || target === '' ? `${path}/` : path;
    const relativePath = withSlash.startsWith('.') ? withSlash : `./${withSlash}`;
    return `new URL(${JSON.stringify(relativePath)}, import.meta.url)`;
  });
}

/** Layers whose modules may be dropped when the worker uses none of their exports. */
const LIBRARY_LAYERS = ['reports/', 'specs/'];

/**
 * A bare specifier (a package or a Node built-in), as opposed to a file of this package. Except
 * rolldown's own syntax helpers (`@oxc-project/runtime`, e.g. for a tagged template holding
 * `</script>`): rolldown inlines them, and they are no dependency of this package.
 */
function isPackageImport(id: string): boolean {
  if (id.startsWith('@oxc-project/runtime/')) return false;
  return !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('#') && !id.startsWith('\0');
}

/**
 * Bundles `entries` (paths under `dist`, e.g. `suites/cancel/x.test.js`) in place; returns the
 * files written, relative to `dist`.
 */
export async function bundleWorker(dist: string, entries: readonly string[]): Promise<string[]> {
  const bundle = await rolldown({
    input: Object.fromEntries(
      entries.map((entry) => [entry.replace(/\.js$/, ''), join(dist, entry)]),
    ),
    platform: 'node',
    external: isPackageImport,
    plugins: [packageRelativeAssetUrls(`${resolve(dist)}/`)],
    // reports/ and specs/ are libraries without import-time effects that matter: the worker uses
    // a few of their functions (scrubbing, the service profiles), so the rest (the HTML and JUnit
    // renderers, which read their templates when loaded) can be left out.
    treeshake: {
      moduleSideEffects: (id) => !LIBRARY_LAYERS.some((layer) => id.startsWith(join(dist, layer))),
    },
    logLevel: 'warn',
  });
  try {
    const { output } = await bundle.write({
      dir: dist,
      format: 'esm',
      entryFileNames: '[name].js',
      chunkFileNames: `${WORKER_CHUNKS_DIRECTORY}/[name]-[hash].js`,
      // Readable, like the tsc output beside it: a stack trace from a user's run should point
      // at code a maintainer can read.
      minify: false,
    });
    return output
      .filter((file): file is OutputChunk => file.type === 'chunk')
      .map((chunk) => chunk.fileName);
  } finally {
    await bundle.close();
  }
}
