/**
 * `lro-conformance <command>`, once bin.ts has checked the Node version: loads the command
 * module lazily (so `serve` never pays for the conformance runner and vice versa) and turns
 * CliErrors into one line on stderr and their exit code (docs/INTERPRETING.md), never a stack
 * trace.
 */
import { CliError, EXIT_UNREACHABLE, EXIT_USAGE } from './cli-errors.ts';
import type { CommandModule } from './command.ts';

const COMMANDS: Readonly<Record<string, () => Promise<CommandModule>>> = {
  serve: () => import('./serve-command.ts'),
  run: () => import('./run-command.ts'),
};

const NAMES = Object.keys(COMMANDS).join(', ');
const USAGE = `Usage: lro-conformance <command> [options]   (commands: ${NAMES}; add --help to one)`;

export async function dispatch(argv: readonly string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? EXIT_USAGE : 0;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (load === undefined) {
    process.stderr.write(`lro-conformance: unknown command "${command}" (known: ${NAMES})\n`);
    return EXIT_USAGE;
  }
  try {
    return await (await load()).main(args);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`lro-conformance ${command}: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`lro-conformance ${command}: unexpected failure: ${message}\n`);
    return EXIT_UNREACHABLE;
  }
}
