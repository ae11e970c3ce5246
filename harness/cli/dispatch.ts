/**
 * `lro-conformance <command>`, once bin.ts has checked the Node version: help, version and
 * dispatch. Command modules load lazily, so `serve` never pays for the conformance runner and
 * vice versa; an LroError becomes one line on stderr and its family's exit code (base/errors.ts,
 * docs/INTERPRETING.md),
 * never a stack trace.
 */
import { EXIT_USAGE, exitCodeOfError, isLroError, readPackageVersion } from '#base';
import { COMMANDS, commandNamed } from './commands.ts';

const HELP_FLAGS = new Set(['-h', '--help']);

function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    'Usage: lro-conformance <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Options:',
    '  -h, --help     this text; `lro-conformance <command> --help` or `help <command>` for a command',
    '  -v, --version  print the version',
  ].join('\n');
}

async function printUsageOf(name: string): Promise<number> {
  const entry = commandNamed(name);
  if (entry === undefined) return unknownCommand(name);
  process.stdout.write(`${(await entry.load()).usage}\n`);
  return 0;
}

function unknownCommand(name: string): number {
  const known = COMMANDS.map((command) => command.name).join(', ');
  process.stderr.write(
    `lro-conformance: unknown command "${name}" (known: ${known}; see --help)\n`,
  );
  return EXIT_USAGE;
}

export async function dispatch(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    process.stderr.write(`${overview()}\n`);
    return EXIT_USAGE;
  }
  if (HELP_FLAGS.has(first)) {
    process.stdout.write(`${overview()}\n`);
    return 0;
  }
  if (first === '-v' || first === '--version') {
    process.stdout.write(`${readPackageVersion()}\n`);
    return 0;
  }
  if (first === 'help') return rest[0] === undefined ? dispatch(['--help']) : printUsageOf(rest[0]);
  const entry = commandNamed(first);
  if (entry === undefined) return unknownCommand(first);
  if (rest.some((arg) => HELP_FLAGS.has(arg))) return printUsageOf(first);
  try {
    return await (await entry.load()).main(rest);
  } catch (error) {
    // An LroError says what to fix; anything else is the tool's own fault, said as such. A
    // message may repeat what the user or a target gave (a URL, an answer): scrubbed like every
    // other output. Loaded here, on the way out, so a command that succeeds never pays for it.
    const { scrubText } = await import('#reports');
    const message = isLroError(error)
      ? error.message
      : `unexpected failure: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`lro-conformance ${first}: ${scrubText(message)}\n`);
    return exitCodeOfError(error);
  }
}
