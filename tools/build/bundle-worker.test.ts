import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleWorker, rewritePlaceholders, WORKER_CHUNKS_DIRECTORY } from './bundle-worker.ts';

describe('rewritePlaceholders', () => {
  const at = (target: string, fileName: string) =>
    rewritePlaceholders(`new URL("lro-package-path:${target}", import.meta.url)`, fileName);

  it('points a recorded package path at the same file from the chunk it landed in', () => {
    expect(at('specs/services/', 'harness/cli/worker/harness-x.js')).toBe(
      'new URL("../../../specs/services/", import.meta.url)',
    );
    expect(at('specs/common.openapi.json', 'suites/cancel/a.test.js')).toBe(
      'new URL("../../specs/common.openapi.json", import.meta.url)',
    );
    expect(at('harness/cli/data.json', 'harness/cli/run-entry.js')).toBe(
      'new URL("./data.json", import.meta.url)',
    );
  });

  it('keeps the trailing slash of a directory, the package root included', () => {
    expect(at('', 'harness/cli/worker/harness-x.js')).toBe('new URL("../../../", import.meta.url)');
    expect(at('harness/cli/', 'harness/cli/run-entry.js')).toBe('new URL("./", import.meta.url)');
  });
});

describe('bundleWorker', () => {
  let dist: string | undefined;
  afterEach(() => {
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  /** A miniature dist/: an entry and a suite share a module that reads a data file beside it. */
  function miniatureDist(): string {
    const root = mkdtempSync(join(tmpdir(), 'lro-bundle-'));
    const file = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    file('package.json', '{"type":"module"}\n');
    file('specs/seeds/quote.txt', 'read relative to the module\n');
    file(
      'specs/read-quote.js',
      `import { readFileSync } from 'node:fs';
export const quote = () => readFileSync(new URL('./seeds/quote.txt', import.meta.url), 'utf8');
export const unused = readFileSync(new URL('./seeds/quote.txt', import.meta.url), 'utf8');
`,
    );
    // A tagged template holding `</script>` makes rolldown call one of its syntax helpers.
    file(
      'harness/page.js',
      "const tag = (strings) => strings.raw.join('');\nexport const page = () => tag`<script></script>`;\n",
    );
    file(
      'harness/cli/run-entry.js',
      "import { quote } from '../../specs/read-quote.js';\nimport { page } from '../page.js';\nprocess.stdout.write('entry: ' + quote() + page());\n",
    );
    file(
      'suites/area/a.test.js',
      "import { quote } from '../../specs/read-quote.js';\nprocess.stdout.write('suite: ' + quote());\n",
    );
    return root;
  }

  const run = (file: string) =>
    spawnSync(process.execPath, [file], { encoding: 'utf8' }).stdout.trim();

  it('bundles the entries in place, the shared code in a chunk that still finds its files, with no helper package', async () => {
    dist = miniatureDist();
    const written = await bundleWorker(dist, ['harness/cli/run-entry.js', 'suites/area/a.test.js']);

    expect(written).toEqual(
      expect.arrayContaining(['harness/cli/run-entry.js', 'suites/area/a.test.js']),
    );
    const chunks = readdirSync(join(dist, WORKER_CHUNKS_DIRECTORY));
    expect(chunks).toHaveLength(1);
    expect(run(join(dist, 'harness/cli/run-entry.js'))).toBe(
      'entry: read relative to the module\n<script></script>',
    );
    expect(run(join(dist, 'suites/area/a.test.js'))).toBe('suite: read relative to the module');
  });

  it('refuses to move a module that uses its own location into a shared chunk', async () => {
    dist = miniatureDist();
    writeFileSync(
      join(dist, 'specs/read-quote.js'),
      'export const quote = () => import.meta.filename; // where am I?\n',
    );
    await expect(
      bundleWorker(dist, ['harness/cli/run-entry.js', 'suites/area/a.test.js']),
    ).rejects.toThrow(/specs\/read-quote\.js use import\.meta for more than a data file's URL/);
  });

  it('lets an entry use its own location: it keeps its path', async () => {
    dist = miniatureDist();
    writeFileSync(
      join(dist, 'suites/area/a.test.js'),
      "process.stdout.write(import.meta.url.endsWith('/suites/area/a.test.js') ? 'kept' : 'moved');\n",
    );
    await bundleWorker(dist, ['harness/cli/run-entry.js', 'suites/area/a.test.js']);
    expect(run(join(dist, 'suites/area/a.test.js'))).toBe('kept');
  });
});
