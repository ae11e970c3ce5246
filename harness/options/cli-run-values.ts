/**
 * The command line's front door to a run: `lro-conformance run` arguments, parsed strictly by
 * node:util with a config made from the option table, and each flag's text read by its shape
 * (value-shapes.ts) into the values run-options.ts checks. Mistakes are one line naming the flag
 * (exit 2); parseArgs's own ones keep their wording and point at --help.
 */
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { usageError } from '#base';
import { parseArgsMessage, withNegativeNumbersJoined } from './args.ts';
import {
  RUN_OPTION_NAMES,
  RUN_OPTIONS,
  type RunOptionName,
  type RunOptionValues,
} from './run-option-table.ts';
import type { AnyShape } from './value-shapes.ts';

/** node:util parseArgs options: one per row, under its flag. */
export const RUN_PARSE_CONFIG: ParseArgsOptionsConfig = Object.fromEntries(
  RUN_OPTION_NAMES.map((name) => {
    const row: { readonly flag: string; readonly short?: string; readonly shape: AnyShape } =
      RUN_OPTIONS[name];
    const { type, multiple } = row.shape.parseArgs;
    return [
      row.flag,
      {
        type,
        ...(multiple ? { multiple } : {}),
        ...(row.short === undefined ? {} : { short: row.short }),
      },
    ];
  }),
);

export function cliRunValues(argv: readonly string[]): RunOptionValues {
  const { values, positionals } = parseStrict(argv);
  if (positionals.length > 0) {
    throw usageError(`unexpected argument "${positionals[0]}" (see --help)`);
  }
  const read: Partial<Record<RunOptionName, unknown>> = {};
  for (const name of RUN_OPTION_NAMES) {
    const row: { readonly flag: string; readonly shape: AnyShape } = RUN_OPTIONS[name];
    const given = values[row.flag];
    if (given === undefined) continue;
    read[name] = (row.shape.fromText as (text: unknown, option: string) => unknown)(
      given,
      `--${row.flag}`,
    );
  }
  // Each value was read by its row's own shape, which is what RunOptionValues says it holds.
  return read as RunOptionValues;
}

function parseStrict(argv: readonly string[]) {
  try {
    return parseArgs({
      args: withNegativeNumbersJoined(argv, RUN_PARSE_CONFIG),
      allowPositionals: true,
      options: RUN_PARSE_CONFIG,
    });
  } catch (error) {
    throw usageError(parseArgsMessage(error));
  }
}
