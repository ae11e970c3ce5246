/**
 * The package as its users get it (README "Install"): `npm pack`, installed offline into a
 * fresh project outside the repository, then its CLI (against the embedded reference, `serve`
 * and a handlers module of the project's own), its MSW handlers, its server, its programmatic
 * API, its GitHub Action step and its declarations used from there, with nothing of this
 * repository around them. Slow (a build and an install, under a minute): generous timeouts,
 * never timed assertions.
 */
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '#reports';
import { serviceIds } from '#specs';
import { listClauseIds } from '../../harness/plan/suite-catalogue.ts';
import { readGithubOutput } from '../testing/read-github-output.ts';
import { complaintsIn, runCli } from '../testing/run-cli.ts';
import { findOlderNode } from './older-node.ts';
import {
  childEnv,
  type Exec,
  exec,
  packAndInstall,
  REPOSITORY_ROOT,
  type TempProject,
} from './temp-project.ts';

const CONSUMER = new URL('./consumer/', import.meta.url);
const SLOW = 180_000;

let project: TempProject;
const bin = () => join(project.dir, 'node_modules', '.bin', 'lro-conformance');
const installed = () => join(project.dir, 'node_modules', 'lro-conformance');
const cli = (args: readonly string[]): Promise<Exec> =>
  exec(bin(), args, { cwd: project.dir, timeoutMs: SLOW });

function readResults(reportDir: string): RunResults {
  return JSON.parse(readFileSync(join(project.dir, reportDir, 'results.json'), 'utf8'));
}

/** Every file under `dir`, relative to it, with forward slashes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).replaceAll('\\', '/'));
}

/**
 * Files a package must not hold: sources (docs/examples stay TypeScript: readers copy them),
 * tests' declarations, fixtures, benchmarks, stand-ins, interop checks, and anything outside
 * the published folders.
 */
function leakedFiles(files: readonly string[]): string[] {
  return files.filter(
    (file) =>
      (file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.startsWith('docs/examples/')) ||
      /\.test\.d\.ts$|\.fixture\.|\/fixtures\/|\/bench\/|\/testing\/|\/interop\/|^tools\//.test(
        file,
      ) ||
      !/^(dist|docs|bin)\/|^specs\/(openapi-3\.0\/[a-z-]+\.openapi\.json|README\.md)$|^(README\.md|LICENSE|package\.json)$/.test(
        file,
      ),
  );
}

/** Each cell's outcome, to compare runs cell by cell. */
function outcomes(results: RunResults | undefined): string[] {
  return (results?.results ?? [])
    .map((cell) => `${cell.clause} ${cell.service} ${cell.outcome}`)
    .sort();
}

function expectEveryCell(results: RunResults): void {
  expect(results.tool.version).toBe(
    (JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'package.json'), 'utf8')) as { version: string })
      .version,
  );
  expect(results.results).toHaveLength(listClauseIds().length * serviceIds().length);
  expect(results.summary.mustFailures).toBe(0);
  expect(
    results.results.filter((cell) => !['PASS', 'NOT_APPLICABLE'].includes(cell.outcome)),
  ).toEqual([]);
}

beforeAll(async () => {
  project = await packAndInstall();
}, 600_000);

afterAll(async () => {
  if (project) await rm(project.base, { recursive: true, force: true });
}, 300_000);

describe('the packed lro-conformance', () => {
  it('ships the build, its data files, the docs, the README and the license, and no sources or tests', () => {
    const files = filesUnder(installed());
    expect(files).toEqual(
      expect.arrayContaining([
        'README.md',
        'LICENSE',
        'dist/package.json',
        'docs/INTERPRETING.md',
        'dist/reports/results.schema.json',
        'dist/specs/discovery/datafusion.v1.rev20230627.json',
        ...serviceIds().map((id) => `specs/openapi-3.0/${id}.openapi.json`),
      ]),
    );
    expect(leakedFiles(files)).toEqual([]);
    expect(readFileSync(join(installed(), 'LICENSE'), 'utf8')).toContain(
      'Apache License\n                           Version 2.0, January 2004',
    );
  });

  it('passes npm publish --dry-run cleanly: complete metadata, the same files', async () => {
    const publish = await exec(
      'npm',
      ['publish', join(project.base, project.tarball), '--dry-run', '--offline', '--json'],
      { cwd: project.base },
    );
    expect(publish.code, publish.stderr).toBe(0);
    // Without an npm login (as here) npm notes that a real publish would need one; nothing else.
    const warnings = publish.stderr
      .split('\n')
      .filter((line) => line.startsWith('npm warn') && !/requires you to be logged in/.test(line));
    expect(warnings).toEqual([]);
    const report = JSON.parse(publish.stdout)['lro-conformance'] as {
      files: { path: string }[];
    };
    expect(leakedFiles(report.files.map((file) => file.path))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(installed(), 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({
      license: 'Apache-2.0',
      repository: {
        type: 'git',
        url: 'git+https://github.com/lro-conformance/lro-conformance.git',
      },
      homepage: 'https://github.com/lro-conformance/lro-conformance#readme',
      bugs: { url: 'https://github.com/lro-conformance/lro-conformance/issues' },
      engines: { node: '>=22.12.0' },
    });
  });

  it('ships both commands, the API entry point and the example handlers module', () => {
    const files = filesUnder(installed());
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/harness/cli/bin.js',
        'dist/harness/action/bin.js',
        'dist/harness/api/index.js',
        'dist/harness/api/index.d.ts',
        'docs/examples/msw-handlers.js',
      ]),
    );
    for (const name of ['lro-conformance', 'lro-conformance-action']) {
      expect(existsSync(join(project.dir, 'node_modules', '.bin', name))).toBe(true);
    }
  });

  it('ships every suite, compiled', () => {
    const suites = filesUnder(join(installed(), 'dist', 'suites'));
    expect(suites.map((file) => file.replace(/\.test\.js$/, '')).sort()).toEqual(listClauseIds());
  });
});

describe('the installed CLI (node_modules/.bin/lro-conformance, Node 22)', () => {
  it('prints its usage with --help', async () => {
    const help = await cli(['--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Usage: lro-conformance <command>/);
  });

  it(
    'runs every clause against the embedded reference: exit 0, results.json written',
    async () => {
      const run = await cli(['run', '--report-dir', 'report-embedded']);
      expect(complaintsIn(run.stderr)).toEqual([]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('conformant: every applicable MUST cell passed');
      expectEveryCell(readResults('report-embedded'));
    },
    SLOW,
  );

  it(
    'gives the verdicts of the sources cell by cell, for the reference and a faulty one (its worker runs bundled)',
    async () => {
      for (const args of [[], ['--fault', 'cancel-deletes-the-operation']]) {
        const installed = await cli(['run', ...args, '--report-dir', 'report-bundled']);
        const sources = await runCli(['run', ...args]);
        expect(installed.code).toBe(sources.exitCode);
        expect(outcomes(readResults('report-bundled'))).toEqual(outcomes(sources.results));
      }
      expect(readResults('report-bundled').summary.verdict).toBe('not-conformant');
    },
    SLOW,
  );

  it(
    'serves the reference with `serve --port 0` and checks it over HTTP with `run --target`',
    async () => {
      const serve = spawn(bin(), ['serve', '--port', '0'], {
        cwd: project.dir,
        env: childEnv(),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = new Promise<number | null>((resolve) => serve.on('close', resolve));
      try {
        const { baseUrl, controlUrl } = await new Promise<{ baseUrl: string; controlUrl: string }>(
          (resolve, reject) => {
            let seen = '';
            serve.stdout.on('data', (chunk: Buffer) => {
              seen += chunk.toString();
              const base = /base URL:\s+(\S+)/.exec(seen)?.[1];
              const control = /control URL:\s+(\S+)/.exec(seen)?.[1];
              if (base && control) resolve({ baseUrl: base, controlUrl: control });
            });
            exited.then((code) => reject(new Error(`serve exited ${code} before serving`)));
          },
        );
        const run = await cli([
          'run',
          ...['--target', baseUrl, '--control', controlUrl, '--report-dir', 'report-url'],
        ]);
        expect(complaintsIn(run.stderr)).toEqual([]);
        expect(run.code).toBe(0);
        const results = readResults('report-url');
        expect(results.target).toEqual({ kind: 'url', baseUrl, controlUrl });
        expectEveryCell(results);
      } finally {
        serve.kill('SIGTERM');
      }
      expect(await exited).toBe(0);
    },
    SLOW,
  );

  it(
    "runs the project's own MSW handlers modules (.js, .ts) with `run --target msw:PATH`",
    async () => {
      mkdirSync(join(project.dir, 'mocks'), { recursive: true });
      for (const [example, as] of [
        ['msw-handlers.js', 'handlers.js'],
        // As TypeScript: Node 22.18+ strips the types of a module outside node_modules.
        ['msw-reference-handlers.js', 'reference-handlers.ts'],
      ] as const) {
        copyFileSync(
          join(REPOSITORY_ROOT, 'docs', 'examples', example),
          join(project.dir, 'mocks', as),
        );
      }
      // A short settle time: the default's real 10 s would be most of this test's time.
      const [own, reference] = await Promise.all([
        cli([
          'run',
          '--target',
          'msw:mocks/handlers.js',
          '--settle',
          '500',
          '--report-dir',
          'report-msw',
        ]),
        cli([
          'run',
          ...['--target', 'msw:mocks/reference-handlers.ts', '--service', 'checks,dai'],
          ...['--settle', '500', '--report-dir', 'report-msw-reference'],
        ]),
      ]);
      for (const run of [own, reference]) {
        expect(complaintsIn(run.stderr)).toEqual([]);
        expect(run.code).toBe(0);
      }
      const results = readResults('report-msw');
      expect(results.target).toEqual({ kind: 'msw', source: 'mocks/handlers.js' });
      expect(results.services).toEqual(['datafusion']);
      expect(results.summary.mustFailures).toBe(0);
      expect(
        results.results.filter((cell) => !['PASS', 'NOT_APPLICABLE'].includes(cell.outcome)),
      ).toEqual([]);
      const fromReference = readResults('report-msw-reference');
      expect(fromReference.services).toEqual(['checks', 'dai']);
      expect(
        fromReference.results.filter((cell) => !['PASS', 'NOT_APPLICABLE'].includes(cell.outcome)),
      ).toEqual([]);

      // Where Node.js does not strip types, a .ts module is one line and exit 2.
      const unstripped = await exec(bin(), ['run', '--target', 'msw:mocks/reference-handlers.ts'], {
        cwd: project.dir,
        env: { ...childEnv(), NODE_OPTIONS: '--no-experimental-strip-types' },
      });
      expect(unstripped).toEqual({
        code: 2,
        stdout: '',
        stderr: `lro-conformance run: --target msw:mocks/reference-handlers.ts: Node.js ${process.version} runs with type stripping turned off: drop --no-experimental-strip-types, or compile the module to .js\n`,
      });

      const missing = await cli(['run', '--target', 'msw:mocks/nowhere.js']);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(
        /^lro-conformance run: --target msw:mocks\/nowhere\.js: no such file \([^\n]*\)\n$/,
      );
    },
    SLOW,
  );

  it(
    'runs the GitHub Action step (lro-conformance-action) with the runner environment',
    async () => {
      const summary = join(project.base, 'step-summary.md');
      const output = join(project.base, 'github-output.txt');
      writeFileSync(summary, '');
      writeFileSync(output, '');
      const step = await exec(
        join(project.dir, 'node_modules', '.bin', 'lro-conformance-action'),
        [],
        {
          cwd: project.dir,
          timeoutMs: SLOW,
          env: {
            ...childEnv(),
            GITHUB_STEP_SUMMARY: summary,
            GITHUB_OUTPUT: output,
            GITHUB_WORKSPACE: project.dir,
            INPUT_SERVICES: 'dai',
            INPUT_CLAUSES: 'cancel/*',
            INPUT_REPORT_DIR: 'report-action',
            INPUT_ARGS: '--fault cancel-answers-202 --fail-on should',
          },
        },
      );
      expect(step.code).toBe(1);
      expect(readGithubOutput(readFileSync(output, 'utf8'))).toEqual({
        'report-dir': join(project.dir, 'report-action'),
        verdict: 'not-conformant',
        'exit-code': '1',
      });
      expect(readFileSync(summary, 'utf8')).toBe(
        readFileSync(join(project.dir, 'report-action', 'matrix.md'), 'utf8'),
      );
      expect(step.stdout).toContain(
        '::error title=FAIL dai cancel/success-answers-200 (SHOULD),file=report-action/results.json::',
      );
    },
    SLOW,
  );

  it(
    "runs docs/DRIFT.md's drift example on the Discovery revision the package ships",
    async () => {
      const doc = readFileSync(join(REPOSITORY_ROOT, 'docs', 'DRIFT.md'), 'utf8');
      const line = /^npx lro-conformance (drift .*node_modules\/lro-conformance\/.*)$/m.exec(
        doc,
      )?.[1];
      expect(line, 'docs/DRIFT.md shows the drift command for an installed project').toBeDefined();
      const drift = await cli((line ?? '').split(' '));
      expect(drift.code, drift.stderr).toBe(1);
      expect(drift.stdout).toContain('query-parameter-removed  datafusion');
    },
    SLOW,
  );

  const older = findOlderNode();
  it.skipIf(older === undefined)(
    `refuses an older Node (${older?.path ?? 'none found'}) with one line and exit 2`,
    async () => {
      const run = await exec(bin(), ['run'], {
        cwd: project.dir,
        env: childEnv(dirname(older?.path ?? '')),
      });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(
        `lro-conformance needs Node.js >= 22.12.0, but this is Node.js v${older?.version} ` +
          `(${older?.path}): install Node.js 22 or later (https://nodejs.org, or \`nvm install 22\`) ` +
          'and run it again\n',
      );
    },
  );
});

describe('the installed library', () => {
  it('lro-conformance/msw and lro-conformance/server work from a plain Node ESM script', async () => {
    copyFileSync(new URL('plain-node.mjs', CONSUMER), join(project.dir, 'plain-node.mjs'));
    const script = await exec(process.execPath, ['plain-node.mjs'], { cwd: project.dir });
    expect(script).toMatchObject({ code: 0, stderr: '' });
    const cancelled = { cancelStatus: 200, done: true, errorCode: 1 };
    expect(JSON.parse(script.stdout)).toEqual({ viaMsw: cancelled, viaServer: cancelled });
  });

  it('exports the OpenAPI 3.0 documents as lro-conformance/openapi-3.0/<id>.openapi.json', async () => {
    const script = [
      "import { readFileSync } from 'node:fs';",
      "const url = import.meta.resolve('lro-conformance/openapi-3.0/checks.openapi.json');",
      "const document = JSON.parse(readFileSync(new URL(url), 'utf8'));",
      "process.stdout.write([document.openapi, Object.keys(document.paths).length].join(' ') + '\\n');",
      '',
    ].join('\n');
    writeFileSync(join(project.dir, 'openapi-export.mjs'), script);
    const run = await exec(process.execPath, ['openapi-export.mjs'], { cwd: project.dir });
    expect(run).toEqual({ code: 0, stdout: '3.0.3 8\n', stderr: '' });
  });

  it(
    "lro-conformance/msw and runConformance work in the project's own vitest, which leaves the shipped suites alone",
    async () => {
      copyFileSync(
        new URL('reference-handlers.consumer.js', CONSUMER),
        join(project.dir, 'reference-handlers.test.js'),
      );
      // docs/API.md's example: runConformance against the project's mocks (docs/MSW-TARGET.md).
      mkdirSync(join(project.dir, 'mocks'), { recursive: true });
      copyFileSync(
        join(REPOSITORY_ROOT, 'docs', 'examples', 'msw-handlers.js'),
        join(project.dir, 'mocks', 'handlers.js'),
      );
      copyFileSync(
        join(REPOSITORY_ROOT, 'docs', 'examples', 'conformance.test.js'),
        join(project.dir, 'conformance.test.js'),
      );
      const vitest = join(project.dir, 'node_modules', '.bin', 'vitest');
      const run = await exec(vitest, ['run'], { cwd: project.dir, timeoutMs: SLOW });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      // The user's two files; vitest's default exclude keeps node_modules/**/suites out.
      expect(run.stdout).toMatch(/Test Files\s+2 passed \(2\)/);
      expect(run.stdout).toMatch(/Tests\s+2 passed \(2\)/);
    },
    SLOW,
  );

  it(
    "runConformance works from the project's own node:test file",
    async () => {
      copyFileSync(
        new URL('run-conformance.consumer.mjs', CONSUMER),
        join(project.dir, 'run-conformance-check.mjs'),
      );
      const run = await exec(process.execPath, ['--test', 'run-conformance-check.mjs'], {
        cwd: project.dir,
        timeoutMs: SLOW,
      });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^# pass 3$/m);
      expect(run.stdout).toMatch(/^# fail 0$/m);
    },
    SLOW,
  );

  it("the README's runConformance example prints what its comment says", async () => {
    const readme = readFileSync(join(REPOSITORY_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### From code: `runConformance`'));
    const example = /```js\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const promised = /\/\/ (.+)$/m.exec(example)?.[1];
    writeFileSync(join(project.dir, 'readme-example.mjs'), example);
    const run = await exec(process.execPath, ['readme-example.mjs'], { cwd: project.dir });
    expect(run).toEqual({ code: 0, stdout: `${promised}\n`, stderr: '' });
  });

  it('ships declarations that a TypeScript project (nodenext) resolves and checks', async () => {
    copyFileSync(new URL('typed-consumer.ts', CONSUMER), join(project.dir, 'typed-consumer.ts'));
    const tsconfig = {
      compilerOptions: {
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2023',
        lib: ['es2023', 'dom'],
        types: [],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
      },
      files: ['typed-consumer.ts'],
    };
    writeFileSync(join(project.dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    const tsc = join(REPOSITORY_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    expect(existsSync(tsc)).toBe(true);
    const check = await exec(process.execPath, [tsc, '-p', 'tsconfig.json'], {
      cwd: project.dir,
      timeoutMs: SLOW,
    });
    expect(check.stdout + check.stderr).toBe('');
    expect(check.code).toBe(0);
  });
});

describe("a team's own service and the catalogue, from the installed package", () => {
  /** The example documents and the handlers module that serves them, copied into the project. */
  const copyExamples = () => {
    mkdirSync(join(project.dir, 'api'), { recursive: true });
    for (const example of [
      'my-api.discovery.json',
      'my-api.openapi.json',
      'my-api-msw-handlers.js',
    ]) {
      copyFileSync(
        join(REPOSITORY_ROOT, 'docs', 'examples', example),
        join(project.dir, 'api', example),
      );
    }
  };

  it(
    'checks the service of a Discovery and of an OpenAPI document over HTTP (`serve`) and as an MSW module',
    async () => {
      copyExamples();
      const serve = spawn(
        bin(),
        ['serve', '--port', '0', '--service-document', 'api/my-api.openapi.json'],
        { cwd: project.dir, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const exited = new Promise<number | null>((resolve) => serve.on('close', resolve));
      try {
        const baseUrl = await new Promise<string>((resolve, reject) => {
          let seen = '';
          serve.stdout.on('data', (chunk: Buffer) => {
            seen += chunk.toString();
            const base = /base URL:\s+(\S+)/.exec(seen)?.[1];
            if (base !== undefined) resolve(base);
          });
          exited.then((code) => reject(new Error(`serve exited ${code} before serving`)));
        });
        const [overHttp, asMsw] = await Promise.all([
          cli([
            'run',
            ...['--service-document', 'api/my-api.discovery.json', '--target', baseUrl],
            ...['--settle', '200', '--report-dir', 'report-own-url'],
          ]),
          cli([
            'run',
            ...['--service-document', 'api/my-api.openapi.json'],
            ...['--target', 'msw:api/my-api-msw-handlers.js'],
            ...['--settle', '200', '--report-dir', 'report-own-msw'],
          ]),
        ]);
        for (const [run, reportDir] of [
          [overHttp, 'report-own-url'],
          [asMsw, 'report-own-msw'],
        ] as const) {
          expect(complaintsIn(run.stderr)).toEqual([]);
          expect(run.code).toBe(0);
          const results = readResults(reportDir);
          expect(results.services).toEqual(['myapi']);
          expect(results.results).toHaveLength(listClauseIds().length);
          expect(
            results.results.filter((cell) => !['PASS', 'NOT_APPLICABLE'].includes(cell.outcome)),
          ).toEqual([]);
        }
      } finally {
        serve.kill('SIGTERM');
      }
      expect(await exited).toBe(0);
    },
    SLOW,
  );

  it(
    'refuses a bad document in one line, and lists the catalogue from the shipped data',
    async () => {
      copyExamples();
      writeFileSync(join(project.dir, 'api', 'notes.json'), '{"title": "not a service"}');
      const bad = await cli(['run', '--service-document', 'api/notes.json']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toBe(
        'lro-conformance run: --service-document api/notes.json: is neither a Discovery document ("kind": "discovery#restDescription") nor an OpenAPI document in lro-conformance\'s form ("openapi": "3.1.0" with "x-google-service"); see docs/SERVICE-DOCUMENTS.md\n',
      );
      const list = await cli(['list', '--catalogue']);
      expect(list.code).toBe(0);
      expect(list.stdout).toContain(
        '133 APIs (98 with a Discovery document, 35 from a service configuration only): 131 profiles, 6 with clauses that cannot run, 2 refused.',
      );
    },
    SLOW,
  );
});
