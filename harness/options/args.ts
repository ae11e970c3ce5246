/**
 * Argument helpers shared by the commands: node:util `parseArgs` in strict mode, with its errors
 * turned into one-line usage errors (exit 2), and converters for the value shapes the flags use.
 */
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { usageError } from '#base';

/** Parses flags only (no positionals); unknown flags and missing values are usage errors. */
export function parseFlags<const T extends ParseArgsOptionsConfig>(
  args: readonly string[],
  options: T,
) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw usageError(parseArgsMessage(error));
  }
}

/** Flags and positional arguments (`diff A B`, `merge DIR...`); the same strict flag rules. */
export function parseCommandLine<const T extends ParseArgsOptionsConfig>(
  args: readonly string[],
  options: T,
) {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options,
      strict: true,
      allowPositionals: true,
    });
    return { values, positionals };
  } catch (error) {
    throw usageError(parseArgsMessage(error));
  }
}

/** node:util's messages, on one line; the unknown-option one loses its hint about positionals. */
function parseArgsMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  const message = error.message.replace(/\s*\n\s*/g, ' ').trim();
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return `${message.split(/\.\s/)[0] ?? message} (see --help)`;
  }
  return message.replace(/\.$/, '');
}

export function parseInteger(
  flag: string,
  value: string,
  range: { min: number; max: number },
): number {
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < range.min || number > range.max) {
    throw usageError(
      `--${flag} must be an integer from ${range.min} to ${range.max}; got "${value}"`,
    );
  }
  return number;
}

export function parseChoice<const T extends string>(
  flag: string,
  value: string,
  allowed: readonly T[],
): T {
  const choice = allowed.find((candidate) => candidate === value);
  if (choice === undefined) {
    throw usageError(`unknown --${flag} value "${value}" (allowed: ${allowed.join(', ')})`);
  }
  return choice;
}

/** `a,b, c` -> `['a', 'b', 'c']`; empty items are a usage error. */
export function parseList(flag: string, value: string): string[] {
  const items = value.split(',').map((item) => item.trim());
  if (items.some((item) => item === '')) {
    throw usageError(`--${flag} takes a comma-separated list without empty items; got "${value}"`);
  }
  return items;
}

/**
 * An absolute http(s) URL without its trailing slashes (paths are appended to it). `flag` is the
 * flag as the user wrote it, with what it applies to: `target`, `endpoint checks`.
 */
export function parseHttpUrl(flag: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw usageError(`--${flag} must be an absolute http(s) URL, not "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usageError(`--${flag} must be an http(s) URL, not "${value}"`);
  }
  return value.replace(/\/+$/, '');
}
