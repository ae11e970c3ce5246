/**
 * The argument helpers of every command (run, serve, drift, diff, merge, list): node:util
 * `parseArgs` in strict mode, with its errors turned into one-line usage errors (exit 2), and one
 * reader per value shape the flags use: a list, a whole number, an http(s) URL, a choice, a
 * `SERVICE=VALUE` pair. Each reader takes the option as the message must name it (`--service`
 * on the command line, `services` for runConformance), so every command and both front doors
 * share one rule per shape.
 */
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';
import { usageError } from '#base';
import { scrubText } from '#reports';

/** Parses flags only (no positionals); unknown flags and missing values are usage errors. */
export function parseFlags<const T extends ParseArgsOptionsConfig>(
  args: readonly string[],
  options: T,
) {
  try {
    return parseArgs({
      args: withNegativeNumbersJoined(args, options),
      options,
      strict: true,
      allowPositionals: false,
    }).values;
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
      args: withNegativeNumbersJoined(args, options),
      options,
      strict: true,
      allowPositionals: true,
    });
    return { values, positionals };
  } catch (error) {
    throw usageError(parseArgsMessage(error));
  }
}

/**
 * `--deadline -5` -> `--deadline=-5`: node:util parseArgs reads a value that starts with a dash
 * as a missing value ("argument is ambiguous", three lines of its own). Joined, the value reaches
 * the option's reader, which says in one line what the flag takes, as for `--deadline=-5`.
 */
export function withNegativeNumbersJoined(
  args: readonly string[],
  options: ParseArgsOptionsConfig,
): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const next = args[i + 1];
    const flag = /^--([^=]+)$/.exec(arg)?.[1];
    const takesValue = flag !== undefined && options[flag]?.type === 'string';
    if (takesValue && next !== undefined && /^-\.?\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      i += 1;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/**
 * node:util's messages, on one line: the unknown-option one loses its hint about positionals,
 * the ambiguous-value one (`--target -x`) says how to give a value that starts with a dash.
 */
export function parseArgsMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  const message = error.message.replace(/\s*\n\s*/g, ' ').trim();
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return `${message.split(/\.\s/)[0] ?? message} (see --help)`;
  }
  const ambiguous = /^Option '(-[^']*)' argument is ambiguous/.exec(message);
  if (ambiguous !== null) {
    const flag = ambiguous[1] ?? '';
    return `${flag} needs a value; for a value that starts with a dash write ${flag}=VALUE (see --help)`;
  }
  return `${message.replace(/\.$/, '')} (see --help)`;
}

/** `12` -> 12: digits only, no sign, no fraction, no exponent; undefined otherwise. */
function wholeNumber(text: string): number | undefined {
  const number = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  return Number.isSafeInteger(number) ? number : undefined;
}

/** A whole number within `range` (`--port`, `--max-requests`). */
export function parseInteger(
  option: string,
  text: string,
  range: { readonly min: number; readonly max: number },
): number {
  const number = wholeNumber(text);
  if (number === undefined || number < range.min || number > range.max) {
    throw usageError(
      `${option} must be an integer from ${range.min} to ${range.max}; got "${text}"`,
    );
  }
  return number;
}

/** A duration in whole milliseconds, 0 or more (`--deadline`, `--settle`). */
export function parseMilliseconds(option: string, text: string): number {
  const number = wholeNumber(text);
  if (number === undefined) throw usageError(`${option} takes whole milliseconds, not "${text}"`);
  return number;
}

export function parseChoice<const T extends string>(
  option: string,
  value: string,
  allowed: readonly T[],
): T {
  const choice = allowed.find((candidate) => candidate === value);
  if (choice === undefined) {
    throw usageError(`unknown ${option} value "${value}" (allowed: ${allowed.join(', ')})`);
  }
  return choice;
}

/**
 * `a,b, c,a` -> `['a', 'b', 'c']`: items trimmed, repeats dropped; no item at all, or an empty
 * one (`a,,b`, a trailing comma), is a usage error, so a typo never silently narrows a run.
 */
export function parseList(option: string, text: string): string[] {
  return listItems(
    option,
    text.split(','),
    `a comma-separated list without empty items; got "${text}"`,
  );
}

/**
 * The list rule on items already split (runConformance takes arrays): trimmed, none empty,
 * repeats dropped. `takes` says, for the message, what the option takes.
 */
export function listItems(option: string, items: readonly string[], takes: string): string[] {
  const trimmed = items.map((item) => item.trim());
  if (trimmed.every((item) => item === '')) throw usageError(`${option} needs at least one value`);
  if (trimmed.includes('')) throw usageError(`${option} takes ${takes}`);
  return [...new Set(trimmed)];
}

/**
 * An absolute http(s) base URL without its trailing slashes (paths are appended to it). `option`
 * names what it applies to: `--target`, `--endpoint checks`. Credentials have no place in it:
 * fetch refuses a URL with a user or password, and a query would end up before the appended
 * path; both are refused without repeating the URL, which would print them (SECURITY.md).
 */
export function parseHttpUrl(option: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw usageError(`${option} must be an absolute http(s) URL, not "${scrubText(value)}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usageError(`${option} must be an http(s) URL, not "${scrubText(value)}"`);
  }
  if (url.username !== '' || url.password !== '') {
    throw usageError(
      `${option} carries credentials (user:password@) in its URL, which is printed and recorded: send them with --header 'Authorization: Basic $CREDENTIALS' instead`,
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw usageError(
      `${option} is a base URL, the paths are appended to it: drop its query and fragment (an API key goes in --header 'x-goog-api-key: $KEY')`,
    );
  }
  return value.replace(/\/+$/, '');
}

export interface ServiceValue {
  readonly service: string;
  readonly value: string;
}

/**
 * `SERVICE=VALUE` (`--parent`, `--endpoint`, `--discovery`): split at the first `=`, both sides
 * trimmed and non-empty. `form` is what the message says the option takes.
 */
export function parseServiceValue(
  option: string,
  text: string,
  form = `SERVICE=VALUE, e.g. ${option} checks=...`,
): ServiceValue {
  const at = text.indexOf('=');
  const service = text.slice(0, Math.max(0, at)).trim();
  const value = text.slice(at + 1).trim();
  if (at <= 0 || service === '' || value === '') {
    throw usageError(`${option} takes ${form}; got "${text}"`);
  }
  return { service, value };
}
