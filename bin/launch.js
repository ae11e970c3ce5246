/**
 * What the package's two commands run (package.json `bin`): the compiled build in dist/ when
 * there is one (an installed package always has it: `prepare` and `prepack` build it), else, in
 * a checkout that was not built, the TypeScript sources, which Node.js 22.18 and later run as
 * they are. So `npx lro-conformance` works in a checkout before and after `npm run build`: the
 * file npm links stays in place, and npx never caches a missing command.
 *
 * Plain JavaScript that any Node.js parses: the version check of the command itself runs first
 * in either form (harness/cli/bin.ts), this file only picks which form to load.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Exit code of a command that cannot start as asked (docs/INTERPRETING.md: usage). */
const EXIT_USAGE = 2;

/**
 * Loads `dist/<entry>.js`, else `<entry>.ts` from the sources; `entry` is relative to the
 * package root, e.g. `harness/cli/bin`.
 */
export async function launch(entry) {
  const root = new URL('../', import.meta.url);
  const built = new URL(`dist/${entry}.js`, root);
  if (existsSync(built)) return import(built.href);
  const source = new URL(`${entry}.ts`, root);
  const inNodeModules = fileURLToPath(root).split(/[\\/]/).includes('node_modules');
  if (!existsSync(source) || inNodeModules) {
    return refuse(
      `this copy of lro-conformance (${fileURLToPath(root)}) has no build in dist/: install it from a tarball (npm pack), a git URL or the registry, which build it, or run npm run build in a checkout`,
    );
  }
  if (!process.features.typescript) {
    return refuse(
      `this checkout has no build in dist/, and Node.js ${process.version} does not run TypeScript: run npm run build, or use Node.js 22.18 or later`,
    );
  }
  return import(source.href);
}

function refuse(message) {
  process.stderr.write(`lro-conformance: ${message}\n`);
  process.exit(EXIT_USAGE);
}
