/**
 * A team's own service (`--service-document`) and the catalogue (`--catalogue`) through the
 * real CLI, as a user runs them: list, run against the embedded reference and against `serve`
 * over HTTP, a bad document, and drift over a folder of Discovery documents.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, runCli } from '../../tools/testing/run-cli.ts';
import { listClauseIds } from '../plan/suite-catalogue.ts';

const DISCOVERY = 'docs/examples/my-api.discovery.json';
const OPENAPI = 'docs/examples/my-api.openapi.json';
const BIN = fileURLToPath(new URL('./bin.ts', import.meta.url));

describe('lro-conformance list --service-document, --catalogue', () => {
  let forService: CliRun;
  let catalogue: CliRun;
  let catalogueJson: CliRun;
  beforeAll(async () => {
    [forService, catalogue, catalogueJson] = await Promise.all([
      runCli(['list', '--service-document', 'specs/catalogue/discovery/texttospeech.v1.json']),
      runCli(['list', '--catalogue']),
      runCli(['list', '--catalogue', '--format', 'json']),
    ]);
  }, 180_000);

  it("adds a column for the document's service and says why a clause does not run there", () => {
    expect(forService.exitCode).toBe(0);
    const [header, ...rest] = forService.stdout.split('\n');
    expect(header?.split(/\s{2,}/)).toEqual([
      'id',
      'strength',
      'services',
      'requires',
      'texttospeech',
      'title',
    ]);
    expect(rest.slice(0, listClauseIds().length).map((row) => row.split(/\s+/)[0])).toEqual(
      listClauseIds(),
    );
    expect(forService.stdout).toMatch(
      /\ncancel\/accepts-request-without-body +MUST +all +control +runs /,
    );
    expect(forService.stdout).toMatch(
      /\nget\/operation-has-valid-shape +SHOULD +all +control +cannot run /,
    );
    expect(forService.stdout).toContain(
      '  texttospeech  get/operation-has-valid-shape: cannot run on texttospeech: texttospeech publishes no GetOperation beside its cancel of operations/**: nothing can read what a cancel did',
    );
  });

  it('lists every API of the catalogue, one line each, its Discovery name first', () => {
    expect(catalogue.exitCode).toBe(0);
    const lines = catalogue.stdout.split('\n');
    expect(lines[0]?.split(/\s{2,}/)).toEqual([
      'api',
      'version',
      'document',
      'shape',
      'body',
      'text',
      'clauses',
    ]);
    const rows = lines.slice(1, 134);
    expect(rows.map((row) => row.split(/\s+/)[0])).toContain('aiplatform');
    expect(rows).toHaveLength(133);
    expect(catalogue.stdout).toMatch(/\nsqladmin +v1 +discovery 20240622 .* refused\n/);
    expect(catalogue.stdout).toMatch(
      /\ndatalabeling +v1beta1 .+ none +standard +22 run · 2 N\/A · 3 cannot run\n/,
    );
    expect(catalogue.stdout).toContain(
      '133 APIs (98 with a Discovery document, 35 from a service configuration only): 131 profiles, 6 with clauses that cannot run, 2 refused.',
    );
    const entries = JSON.parse(catalogueJson.stdout) as { id: string; refused?: string }[];
    expect(entries).toHaveLength(133);
    expect(entries.filter((entry) => entry.refused !== undefined).map((entry) => entry.id)).toEqual(
      ['sqladmin', 'storage'],
    );
  });
});

describe('lro-conformance run --service-document', () => {
  it.for([DISCOVERY, OPENAPI])(
    'checks the service of %s against the embedded reference, and only it',
    async (document) => {
      const run = await runCli(['run', '--service-document', document]);
      expect(run.complaints).toEqual([]);
      expect(run.exitCode).toBe(0);
      expect(run.results?.services).toEqual(['myapi']);
      expect(run.results?.summary.verdict).toBe('conformant');
      expect(run.results?.summary.counts.FAIL).toBe(0);
    },
  );

  it('refuses a bad document in one line naming the file, the field and the fix (exit 2)', async () => {
    const run = await runCli(['run', '--service-document', 'specs/catalogue/discovery/index.json']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(
      'lro-conformance run: --service-document specs/catalogue/discovery/index.json: is neither a Discovery document ("kind": "discovery#restDescription") nor an OpenAPI document in lro-conformance\'s form ("openapi": "3.1.0" with "x-google-service"); see docs/SERVICE-DOCUMENTS.md\n',
    );
  });

  it('checks a service the reference serves over HTTP (`serve --service-document`)', async () => {
    const serve = spawn(
      process.execPath,
      [BIN, 'serve', '--port', '0', '--service-document', OPENAPI],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
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
        exited.then((code) => reject(new Error(`serve exited ${code}`)));
      });
      const run = await runCli([
        'run',
        '--service-document',
        DISCOVERY,
        '--target',
        baseUrl,
        '--settle',
        '200',
      ]);
      expect(run.complaints).toEqual([]);
      expect(run.exitCode).toBe(0);
      expect(run.results?.services).toEqual(['myapi']);
    } finally {
      serve.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});

describe('lro-conformance drift --catalogue', () => {
  it('finds no drift in the shipped folder and lists what it knows', async () => {
    const run = await runCli(['drift', '--catalogue', 'specs/catalogue/discovery']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(
      /^lro-conformance drift --catalogue specs\/catalogue\/discovery: 98 APIs compared with the catalogue: no drift; 11 known\n/,
    );
    expect(run.stdout).toContain('Known (recorded in the catalogue, not drift):');
  });

  it('wants a folder, and says when it cannot read one', async () => {
    const none = await runCli(['drift', '--catalogue']);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toBe(
      'lro-conformance drift: --catalogue needs a folder of Discovery documents, e.g. --catalogue ./discovery\n',
    );
    const missing = await runCli(['drift', '--catalogue', 'nowhere']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toBe(
      'lro-conformance drift: --catalogue nowhere: cannot read the folder (ENOENT)\n',
    );
  });
});
