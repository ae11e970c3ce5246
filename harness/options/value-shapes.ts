/**
 * The shapes a `run` option's value takes (run-option-table.ts): for each, how the flag takes it
 * (node:util parseArgs), how the command line's text becomes the value, and how a value given
 * to runConformance is type-checked and becomes the same value. Both front doors end here with
 * one value per option, so the checks after it (run-options.ts) are written once. A number from
 * runConformance is read as the decimal text a user would type, so both doors accept exactly the
 * same numbers.
 */
import { usageError } from '#base';
import {
  listItems,
  parseList,
  parseMilliseconds,
  parseServiceValue,
  type ServiceValue,
} from './args.ts';

/** Which shape it is, for code that treats shapes apart (an Action input is written by it). */
export type ShapeKind =
  | 'text'
  | 'list'
  | 'files'
  | 'number'
  | 'shard'
  | 'switch'
  | 'per-service'
  | 'headers';

export interface ValueShape<Api, Value, Text extends string | boolean | readonly string[]> {
  readonly kind: ShapeKind;
  /** How node:util parseArgs reads the flag: a string (repeatable or not) or a switch. */
  readonly parseArgs: { readonly type: 'string' | 'boolean'; readonly multiple: boolean };
  readonly fromText: (text: Text, option: string) => Value;
  readonly fromApi: (value: unknown, option: string) => Value;
  /** Type only: what runConformance takes. */
  readonly api?: Api;
}

/** Any shape, as code that goes over every option sees it. */
export type AnyShape = ValueShape<unknown, unknown, never>;

export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** `--shard 2/4`, `shard: { index: 2, count: 4 }`: the I-th of N stable shares of the cells. */
export function parseShard(option: string, text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw usageError(`${option} takes I/N with 1 <= I <= N, e.g. 2/4; got "${text}"`);
  }
  return { index, count };
}

function wrongType(option: string, words: string, shown: string): Error {
  return usageError(`${option} must be ${words}, not ${shown}`);
}

const STRING_FLAG = { type: 'string', multiple: false } as const;
const REPEATED_FLAG = { type: 'string', multiple: true } as const;

/** Text as given (`--target URL`); `T` narrows what runConformance's type accepts. */
export function text<T extends string = string>(): ValueShape<T, string, string> {
  const words = 'a string';
  return {
    kind: 'text',
    parseArgs: STRING_FLAG,
    fromText: (given) => given,
    fromApi: (value, option) => {
      if (typeof value !== 'string') throw wrongType(option, words, JSON.stringify(value));
      return value;
    },
  };
}

/** `--service a,b` or `services: ['a', 'b']`; one list rule for both (args.ts). */
export function list<T extends string = string>(): ValueShape<
  readonly T[],
  readonly string[],
  string
> {
  const words = 'an array of strings';
  return {
    kind: 'list',
    parseArgs: STRING_FLAG,
    fromText: (given, option) => parseList(option, given),
    fromApi: (value, option) => {
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
        throw wrongType(option, words, JSON.stringify(value));
      }
      return listItems(
        option,
        value,
        `an array without empty strings; got ${JSON.stringify(value)}`,
      );
    },
  };
}

/**
 * Paths, one per use of a repeatable flag (`--service-document a.json --service-document b.json`)
 * or an array: a path may hold a comma, so they are never split.
 */
export function files(): ValueShape<readonly string[], readonly string[], readonly string[]> {
  const words = 'an array of file paths';
  const checked = (items: readonly string[], option: string) => {
    if (items.some((item) => item.trim() === ''))
      throw usageError(`${option} takes a file path, not an empty string`);
    return items;
  };
  return {
    kind: 'files',
    parseArgs: REPEATED_FLAG,
    fromText: (given, option) => checked(given, option),
    fromApi: (value, option) => {
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
        throw wrongType(option, words, JSON.stringify(value));
      }
      return checked(value, option);
    },
  };
}

/** A number read by the option's own rule (`parseMilliseconds`, a range). */
export function number(
  read: (option: string, text: string) => number,
  words = 'a number',
): ValueShape<number, number, string> {
  return {
    kind: 'number',
    parseArgs: STRING_FLAG,
    fromText: (given, option) => read(option, given),
    fromApi: (value, option) => {
      if (typeof value !== 'number') throw wrongType(option, words, JSON.stringify(value));
      return read(option, String(value));
    },
  };
}

/** Whole milliseconds, 0 or more (`--deadline`, `deadlineMs`). */
export function milliseconds(): ValueShape<number, number, string> {
  return number(parseMilliseconds, 'a number of milliseconds');
}

/** `--max-rps`: above 0 and at most 1000, fractions allowed (one request every two seconds). */
export function parseRequestsPerSecond(option: string, given: string): number {
  const value = Number(given);
  if (!/^\d+(\.\d+)?$/.test(given) || !(value > 0) || value > 1000) {
    throw usageError(
      `${option} takes a number of requests per second above 0, e.g. 2 or 0.5; got "${given}"`,
    );
  }
  return value;
}

export function shard(): ValueShape<Shard, Shard, string> {
  const words = 'an object { index, count }';
  return {
    kind: 'shard',
    parseArgs: STRING_FLAG,
    fromText: (given, option) => parseShard(option, given),
    fromApi: (value, option) => {
      if (typeof value !== 'object' || value === null) {
        throw wrongType(option, words, JSON.stringify(value));
      }
      const { index, count } = value as { index?: unknown; count?: unknown };
      return parseShard(option, `${String(index)}/${String(count)}`);
    },
  };
}

/** A flag without a value (`--live`), or `true`/`false`. */
export function onOff(): ValueShape<boolean, boolean, boolean> {
  const words = 'true or false';
  return {
    kind: 'switch',
    parseArgs: { type: 'boolean', multiple: false },
    fromText: (given) => given,
    fromApi: (value, option) => {
      if (typeof value !== 'boolean') throw wrongType(option, words, JSON.stringify(value));
      return value;
    },
  };
}

/**
 * A value per service: the repeatable `--parent SERVICE=VALUE`, or a record keyed by service
 * (`parents: { checks: '…' }`); with `several`, a record value may be an array (`scopes`).
 */
export function perService(): ValueShape<
  Readonly<Record<string, string>>,
  readonly ServiceValue[],
  readonly string[]
>;
export function perService(
  several: 'several',
): ValueShape<
  Readonly<Record<string, string | readonly string[]>>,
  readonly ServiceValue[],
  readonly string[]
>;
export function perService(
  several?: 'several',
): ValueShape<
  Readonly<Record<string, string | readonly string[]>>,
  readonly ServiceValue[],
  readonly string[]
> {
  const words =
    several === undefined
      ? 'an object of service id → string'
      : 'an object of service id → scope or array of scopes';
  return {
    kind: 'per-service',
    parseArgs: REPEATED_FLAG,
    fromText: (given, option) => given.map((item) => parseServiceValue(option, item)),
    fromApi: (value, option) => {
      const entries = recordEntries(value, several === 'several');
      if (entries === undefined) throw wrongType(option, words, JSON.stringify(value));
      return entries.map(([key, item]) => {
        if (key.includes('=') || key.trim() === '') {
          throw usageError(
            `${option} has the key ${JSON.stringify(key)}, which is not a service id`,
          );
        }
        if (item.trim() === '') throw usageError(`${option}.${key} is empty`);
        return { service: key.trim(), value: item.trim() };
      });
    },
  };
}

/**
 * `--header 'Name: value'` (repeatable, `$NAME` expanded where the requests are sent), or a
 * record of name → value that is sent as given: each `$` is doubled, which the expansion
 * (harness/http/auth/header-options.ts) reads back as one `$`. Both become the header lines
 * TargetAuthConfig carries. A value is never shown in a message: it may be a credential.
 */
export function headers(): ValueShape<
  Readonly<Record<string, string>>,
  readonly string[],
  readonly string[]
> {
  const words = 'an object of header name → string value';
  return {
    kind: 'headers',
    parseArgs: REPEATED_FLAG,
    fromText: (given) => given,
    fromApi: (value, option) => {
      const entries = recordEntries(value, false);
      if (entries === undefined) throw wrongType(option, words, 'an object with other values');
      return entries.map(([name, item]) => {
        if (name.includes(':')) {
          throw usageError(
            `${option}: the name ${JSON.stringify(name)} has a colon; give the name alone`,
          );
        }
        return `${name}: ${item.replaceAll('$', () => '$$')}`;
      });
    },
  };
}

/** A record's entries, an array value spread into one entry each; undefined for anything else. */
function recordEntries(value: unknown, arrays: boolean): [string, string][] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries: [string, string][] = [];
  for (const [key, item] of Object.entries(value)) {
    const items: unknown[] = arrays && Array.isArray(item) ? item : [item];
    if (!items.every((each) => typeof each === 'string')) return undefined;
    for (const each of items as string[]) entries.push([key, each]);
  }
  return entries;
}
