/**
 * `npm run build`: compiles the shipped code and every suite to JavaScript with declarations in
 * dist/ (tsc, tsconfig.build.json), copies the data files the code reads at run time beside it,
 * writes dist/package.json, whose `imports` map sends `#specs`, `#harness` and `#reports` to
 * the compiled files, and bundles what the run's worker thread loads (bundle-worker.ts). The
 * repository itself keeps running from the TypeScript sources through the root package.json
 * (docs/decisions/0005-build-layout.md, 0011-worker-bundle.md).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, globSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bundleWorker } from './bundle-worker.ts';
import { sourceFingerprint } from './source-fingerprint.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/**
 * The files the compiled code reads relative to itself (`new URL(…, import.meta.url)`), as
 * globs under the repository root; each lands at the same path under dist/.
 */
export const RUNTIME_ASSETS: readonly string[] = [
  'specs/services/*.openapi.json', // specs/document-files.ts: the service documents
  'specs/common.openapi.json', // specs/document-files.ts: the shared components
  'specs/seeds/*.txt', // specs/read-seed.ts: the pages the clauses quote
  'reports/results.schema.json', // reports/results-schema.ts: checks results.json
  'reports/expectations.schema.json', // reports/expectations.ts: checks expectations files
  'reports/html/report.css', // reports/html/page.ts: inlined into report.html
  'reports/html/report-client.js', // reports/html/page.ts: inlined into report.html
  'specs/discovery/*.json', // harness/drift: the stored revisions live documents are compared with
  'specs/catalogue/discovery/*.json', // specs/catalogue/catalogue.ts: the catalogue's Discovery documents
  'specs/catalogue/service-config-cancel-rules.json', // specs/catalogue/catalogue.ts: the HTTP rules
  'reports/generated/*', // reports/results-schema.ts, expectations.ts: compiled validators
  'harness/validators/generated/*', // harness/validators/schema-violations.ts: the same
];

interface Manifest {
  readonly version?: string;
  readonly bin?: Readonly<Record<string, string>>;
  readonly imports?: Readonly<Record<string, string>>;
}

/** The digest of the sources a build was made from, kept in dist/package.json. */
export const SOURCES_FIELD = 'sourcesSha256';

/**
 * dist/package.json: the package version (base/package-version.ts reads the nearest
 * `../../package.json`, which from dist/ is this file) and the `imports` map pointing at the
 * compiled `.js` files instead of the `.ts` sources.
 */
export function distManifest(root: Manifest, sources?: string): Record<string, unknown> {
  const imports = Object.fromEntries(
    Object.entries(root.imports ?? {}).map(([name, target]) => [
      name,
      target.replace(/\.ts$/, '.js'),
    ]),
  );
  return {
    '//': 'Written by npm run build (tools/build/build.ts) for the compiled code in this folder.',
    version: root.version,
    type: 'module',
    imports,
    ...(sources === undefined ? {} : { [SOURCES_FIELD]: sources }),
  };
}

function compile(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    process.stderr.write(`build: tsc failed (exit ${result.status ?? result.signal})\n`);
    process.exit(1);
  }
}

/** The compiled executables, which bin/launch.js loads. */
const DIST_EXECUTABLES: readonly string[] = [
  'dist/harness/cli/bin.js',
  'dist/harness/action/bin.js',
];

/** What the run's worker thread imports: vitest loads run-entry.js, which imports the suites. */
const WORKER_ENTRY_GLOBS: readonly string[] = ['harness/run/run-entry.js', 'suites/**/*.test.js'];

interface BuildSummary {
  readonly copied: number;
  readonly bundled: number;
}

export async function build(): Promise<BuildSummary> {
  rmSync(DIST, { recursive: true, force: true });
  compile();
  // Nothing imports a suite (.dependency-cruiser.ts): their declarations would be dead weight.
  for (const file of globSync('suites/**/*.d.ts', { cwd: DIST })) rmSync(`${DIST}${file}`);
  let copied = 0;
  for (const pattern of RUNTIME_ASSETS) {
    const files = globSync(pattern, { cwd: ROOT });
    if (files.length === 0) throw new Error(`build: no file matches ${pattern}`);
    for (const file of files) cpSync(`${ROOT}${file}`, `${DIST}${file}`);
    copied += files.length;
  }
  const root = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as Manifest;
  // npm marks bins executable when it installs a package, not for `npx` inside this repository;
  // the compiled executables are run directly too (benchmarks, tests).
  for (const bin of [...Object.values(root.bin ?? {}), ...DIST_EXECUTABLES]) {
    chmodSync(`${ROOT}${bin}`, 0o755);
  }
  const manifest = distManifest(root, sourceFingerprint(ROOT));
  writeFileSync(`${DIST}package.json`, `${JSON.stringify(manifest, null, 2)}\n`);
  const entries = WORKER_ENTRY_GLOBS.flatMap((pattern) => globSync(pattern, { cwd: DIST })).sort();
  let bundled: string[];
  try {
    bundled = await bundleWorker(DIST, entries);
  } catch (error) {
    process.stderr.write(`build: bundling the worker failed: ${(error as Error).message}\n`);
    process.exit(1);
  }
  return { copied, bundled: bundled.length };
}

if (import.meta.main) {
  const { copied, bundled } = await build();
  process.stdout.write(
    `Built dist/ (${copied} data files copied; the run's worker bundled into ${bundled} files).\n`,
  );
}
