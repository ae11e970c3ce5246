/**
 * `--record` against a URL target (the reference server), then `--target replay:` of the file. A
 * run without a control endpoint (`--control none`: probes only) replays with the recorded
 * verdicts, cell by cell. A run with one made its own operations through it, which a replay has
 * no control endpoint to ask for: the record step says the file is not replayable, and the replay
 * refuses it in one line instead of answering its probes with ERROR cells.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResults } from '#reports';
import { runCli } from '../../tools/testing/run-cli.ts';
import { type ReferenceServer, startReferenceServer } from '../reference/reference-server.ts';

let server: ReferenceServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lro-record-url-'));
  server = await startReferenceServer({ port: 0 });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const outcomes = (results: RunResults | undefined) =>
  (results?.results ?? []).map((cell) => `${cell.clause} ${cell.service} ${cell.outcome}`).sort();

describe('run --target URL --record, then --target replay:', () => {
  it('replays a session without a control endpoint with the recorded outcomes', async () => {
    const file = join(dir, 'probes.har');
    const recorded = await runCli([
      'run',
      ...['--target', server.baseUrl, '--control', 'none', '--settle', '0', '--record', file],
    ]);
    expect(recorded.complaints).toEqual([]);
    expect(recorded.stderr).toContain(`recorded: ${file}\n`);
    const replayed = await runCli(['run', '--target', `replay:${file}`]);
    expect(replayed.complaints).toEqual([]);
    expect(replayed.exitCode).toBe(recorded.exitCode);
    expect(outcomes(replayed.results)).toEqual(outcomes(recorded.results));
    expect(outcomes(replayed.results).filter((cell) => cell.endsWith(' PASS'))).not.toEqual([]);
  });

  it('says a session with a control endpoint is not replayable, and the replay refuses it', async () => {
    const file = join(dir, 'controlled.har');
    const recorded = await runCli([
      'run',
      ...['--target', server.baseUrl, '--control', server.controlUrl],
      ...['--settle', '0', '--record', file],
    ]);
    expect(recorded.exitCode).toBe(0);
    expect(recorded.stderr).toContain(
      `recorded: ${file} (not replayable: the run made operations through its control endpoint; record with --control none for a replayable session)`,
    );
    const replayed = await runCli(['run', '--target', `replay:${file}`]);
    expect(replayed.exitCode).toBe(2);
    expect(replayed.complaints).toEqual([
      `lro-conformance run: ${file} was recorded with a control endpoint: its clauses made their own operations through it, and a replay has no control endpoint to ask, so it could not give the recorded outcomes. Record with --control none (probes, --operation and --allow-cancel replay), or with --live`,
    ]);
  });
});
