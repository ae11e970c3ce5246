/**
 * `--record` writes the HAR atomically: a run killed with SIGKILL while writing leaves the
 * previous recording whole (it used to leave a truncated HAR over a good one, 3 times in 3), and
 * a recording whose folder cannot be created is refused before the run (under /proc, Node's
 * recursive mkdir spun at full CPU for ever after the run, deaf to SIGINT and SIGTERM).
 */
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDirectory } from '#base';
import { startReferenceServer } from '../../reference/server.ts';

const WRITER = fileURLToPath(new URL('./har-writer.ts', import.meta.url));
const BIN = fileURLToPath(new URL('../../cli/bin.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'lro-har-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A child that writes a HAR of `count` large exchanges to `file`, saying when it starts. */
function writerChild(file: string, count: number) {
  const script = `
    import { writeHar } from ${JSON.stringify(WRITER)};
    const body = 'x'.repeat(100_000);
    const exchanges = Array.from({ length: ${count} }, (_, i) => ({
      request: { method: 'GET', url: 'https://h.test/v1/operations/' + i, headers: {} },
      response: { status: 200, headers: {}, body },
      curl: 'curl',
    }));
    process.stdout.write('writing\\n');
    await writeHar(${JSON.stringify(file)}, exchanges);
    process.stdout.write('written\\n');
  `;
  return spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

describe('writing the recording', () => {
  // Killed the moment the file at the recording's path changes: an in-place write is caught
  // part-way (truncated, then growing), an atomic one has put the whole new file there.
  it.for([1, 2, 3])(
    'leaves a whole recording when killed as the file changes (try %i)',
    async () => {
      const file = join(dir, `session-${randomUUID()}.har`);
      const previous = '{"log":{"version":"1.2","entries":[]}}\n';
      writeFileSync(file, previous);
      const before = statSync(file);
      const child = writerChild(file, 400);
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      let running = true;
      void exited.then(() => {
        running = false;
      });
      while (running) {
        const now = statSync(file, { throwIfNoEntry: false });
        if (now === undefined || now.size !== before.size || now.mtimeMs !== before.mtimeMs) {
          child.kill('SIGKILL');
          break;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      await exited;
      const text = readFileSync(file, 'utf8');
      // The old file, or the whole new one: never a part.
      if (text !== previous) {
        expect((JSON.parse(text) as { log: { entries: unknown[] } }).log.entries).toHaveLength(400);
      }
    },
  );

  it('creates missing folders one at a time, failing where one cannot be made', async () => {
    await makeDirectory(join(dir, 'a', 'b', 'c'));
    await expect(makeDirectory('/proc/lro-no-such/x')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses --record under a folder that cannot be created, before the run, in one line', async () => {
    // A target that answers, so that without the check the run goes on to write the recording.
    const server = await startReferenceServer({ port: 0 });
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [
          ...[BIN, 'run', '--target', server.baseUrl, '--control', 'none', '--service', 'checks'],
          ...['--record', '/proc/lro-no-such/session.har', '--report-dir', join(dir, 'report')],
        ],
        // Without the check, the process never ended.
        { timeout: 60_000, killSignal: 'SIGKILL' },
        (error, _stdout, stderr) =>
          resolve({ code: error ? ((error.code as number | undefined) ?? null) : 0, stderr }),
      );
    });
    await server.close();
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      'lro-conformance run: --record: folder of the recording /proc/lro-no-such cannot be created: /proc is not writable (ENOENT)',
    ]);
  }, 70_000);
});
