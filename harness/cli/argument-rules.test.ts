/**
 * Every command reads a value of one shape by one rule (harness/options/args.ts): a list with an
 * empty item, a number out of range, a `SERVICE=VALUE` without its service get the same line from
 * `run`, `serve` and `drift`, naming the flag.
 */
import { describe, expect, it } from 'vitest';
import { isLroError } from '#base';
import { loadServiceProfiles, serviceIds } from '#specs';
import { runCli } from '../../tools/testing/run-cli.ts';
import { parseRunOptions, RUN_OPTION_NAMES, RUN_OPTIONS } from '../options/index.ts';
import { parseDriftArgs } from './drift-command.ts';
import { parseServeArgs } from './serve-command.ts';

const COMMANDS = {
  run: (args: readonly string[]) => parseRunOptions(args),
  serve: (args: readonly string[]) => parseServeArgs(args, serviceIds()),
  drift: (args: readonly string[]) => parseDriftArgs(args, loadServiceProfiles()),
};

function refusal(command: keyof typeof COMMANDS, args: readonly string[]): string {
  try {
    COMMANDS[command](args);
  } catch (error) {
    if (isLroError(error) && error.exitCode === 2) return error.message;
    throw error;
  }
  throw new Error(`${command} ${args.join(' ')} was accepted`);
}

describe('one rule per value shape, in every command', () => {
  it.for(['run', 'serve', 'drift'] as const)('%s: --service a,,b is a usage error', (command) => {
    expect(refusal(command, ['--service', 'checks,,dai'])).toBe(
      '--service takes a comma-separated list without empty items; got "checks,,dai"',
    );
    expect(refusal(command, ['--service', 'checks,'])).toBe(
      '--service takes a comma-separated list without empty items; got "checks,"',
    );
    expect(refusal(command, ['--service', ' , '])).toBe('--service needs at least one value');
  });

  it.for(['run', 'serve', 'drift'] as const)(
    '%s: --service trims spaces and drops repeats',
    (command) => {
      const services = (result: unknown): unknown =>
        command === 'run'
          ? (result as ReturnType<typeof parseRunOptions>).requestedServices
          : command === 'serve'
            ? (result as Exclude<ReturnType<typeof parseServeArgs>, 'help'>).serviceIds
            : (result as ReturnType<typeof parseDriftArgs>).profiles.map((profile) => profile.id);
      expect(services(COMMANDS[command](['--service', 'dai, checks,dai']))).toEqual(
        command === 'drift' ? ['checks', 'dai'] : ['dai', 'checks'],
      );
    },
  );

  it('reads SERVICE=VALUE the same way for run and drift', () => {
    expect(refusal('run', ['--live', '--endpoint', '=http://h'])).toBe(
      '--endpoint takes SERVICE=VALUE, e.g. --endpoint checks=...; got "=http://h"',
    );
    expect(refusal('drift', ['--discovery', '=d.json'])).toBe(
      '--discovery takes SERVICE=URL or SERVICE=FILE; got "=d.json"',
    );
    expect(
      refusal('run', ['--live', '--service', 'dai', '--parent', 'checks=accounts/1/apps/2']),
    ).toBe('--parent names checks, which --service leaves out');
    expect(refusal('drift', ['--service', 'dai', '--discovery', 'checks=d.json'])).toBe(
      '--discovery names checks, which --service leaves out',
    );
  });

  it('reads whole numbers the same way for run, serve and drift', () => {
    expect(refusal('run', ['--live', '--max-requests', '1.5'])).toBe(
      '--max-requests must be an integer from 1 to 1000000; got "1.5"',
    );
    expect(refusal('serve', ['--port', '1.5'])).toBe(
      '--port must be an integer from 0 to 65535; got "1.5"',
    );
    expect(refusal('drift', ['--timeout', '1.5'])).toBe(
      '--timeout must be an integer from 1 to 600000; got "1.5"',
    );
  });

  /** Every flag that takes a number, per command, as `--flag` (run's from its option table). */
  const NUMERIC_FLAGS: Record<keyof typeof COMMANDS, readonly string[]> = {
    run: RUN_OPTION_NAMES.filter((name) => RUN_OPTIONS[name].shape.kind === 'number').map(
      (name) => `--${RUN_OPTIONS[name].flag}`,
    ),
    serve: ['--port', '--cancel-delay'],
    drift: ['--timeout'],
  };

  it.for(
    Object.entries(NUMERIC_FLAGS).flatMap(([command, flags]) =>
      flags.map((flag) => [command, flag] as const),
    ),
  )('%s %s -5 says what the flag takes, in one line, as %s=-5 does', ([command, flag]) => {
    const name = command as keyof typeof COMMANDS;
    const joined = refusal(name, [`${flag}=-5`]);
    expect(refusal(name, [flag, '-5'])).toBe(joined);
    expect(joined).not.toContain('\n');
    expect(joined).toContain(flag);
  });

  it('finds the numeric flags of run in its option table', () => {
    expect(NUMERIC_FLAGS.run).toEqual(
      expect.arrayContaining(['--deadline', '--settle', '--request-timeout', '--max-rps']),
    );
  });

  it('a text flag given a value that starts with a dash says how to pass one, in one line', () => {
    expect(refusal('run', ['--target', '-x'])).toBe(
      '--target needs a value; for a value that starts with a dash write --target=VALUE (see --help)',
    );
  });

  it('the CLI prints one line for run --deadline -5, and exit 2', async () => {
    const run = await runCli(['run', '--deadline', '-5']);
    expect({ exitCode: run.exitCode, stdout: run.stdout, stderr: run.stderr }).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'lro-conformance run: --deadline takes whole milliseconds, not "-5"\n',
    });
  });
});
