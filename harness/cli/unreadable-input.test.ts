/**
 * One exit code for a file the user named that cannot be read or is invalid, whichever command
 * reads it (INVALID_FILE, usage family, exit 2; base/errors.ts): `run --baseline`,
 * `run --expectations`, `run --target replay:` and `msw:`, `diff`, `merge`,
 * `drift --discovery SERVICE=FILE`, `run` and `list --service-document`, `drift --catalogue DIR`.
 * Each is one line on stderr naming the file, nothing on stdout, and no test runs first.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inBatches, runCli } from '../../tools/testing/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'lro-unreadable-'));
const missing = join(dir, 'missing.json');
const notJson = join(dir, 'not-json.json');
writeFileSync(notJson, '{"schemaVersion":');

const COMMANDS: readonly (readonly [string, readonly string[], string])[] = [
  ['run --baseline', ['run', '--service', 'checks', '--baseline', missing], missing],
  ['run --expectations', ['run', '--service', 'checks', '--expectations', missing], missing],
  [
    'run --target replay:',
    ['run', '--target', `replay:${join(dir, 'missing.har')}`],
    'missing.har',
  ],
  ['run --target msw:', ['run', '--target', `msw:${join(dir, 'missing.js')}`], 'missing.js'],
  ['diff (missing)', ['diff', missing, missing], missing],
  ['diff (not JSON)', ['diff', notJson, notJson], notJson],
  ['merge', ['merge', dir, '--report-dir', join(dir, 'merged')], dir],
  [
    'drift --discovery FILE',
    ['drift', '--service', 'checks', '--discovery', `checks=${missing}`],
    missing,
  ],
  ['run --service-document', ['run', '--service-document', missing], missing],
  ['list --service-document', ['list', '--service-document', notJson], notJson],
  ['drift --catalogue', ['drift', '--catalogue', join(dir, 'missing-folder')], 'missing-folder'],
];

describe('a file the user named that cannot be read or is invalid', () => {
  it('is one line naming it and exit 2, in every command that reads one', async () => {
    const runs = await inBatches(
      COMMANDS.map(
        ([, args]) =>
          () =>
            runCli(args),
      ),
      2,
    );
    const seen = runs.map((run, index) => {
      const [label, , named] = COMMANDS[index] ?? ['', [], ''];
      const lines = run.stderr.split('\n').filter(Boolean);
      return {
        label,
        exitCode: run.exitCode,
        lines: lines.length,
        namesIt: lines[0]?.includes(named) ?? false,
        stdout: run.stdout,
        ran: run.results !== undefined,
      };
    });
    expect(seen).toEqual(
      COMMANDS.map(([label]) => ({
        label,
        exitCode: 2,
        lines: 1,
        namesIt: true,
        stdout: '',
        ran: false,
      })),
    );
  }, 120_000);
});
