/**
 * What is made from the option table (run-option-table.ts): `run --help` lists every form of
 * every row, the parser knows every flag, runConformance takes exactly the rows the command line
 * does not keep to itself (in its type and at run time), and docs/API.md's option table names
 * the same options and flags in the same order.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { isLroError } from '#base';
import { apiRunValues } from './api-run-values.ts';
import { RUN_PARSE_CONFIG } from './cli-run-values.ts';
import {
  RUN_API_OPTION_NAMES,
  RUN_OPTION_NAMES,
  RUN_OPTIONS,
  type RunConformanceOptions,
} from './run-option-table.ts';
import { formLabel, RUN_USAGE, usageSections } from './run-usage.ts';

const API_DOC = readFileSync(new URL('../../docs/API.md', import.meta.url), 'utf8');

describe('the run option table', () => {
  it('gives `run --help` a line for every form of every row, in groups', () => {
    const forms = usageSections().flatMap(({ rows }) => rows);
    expect(forms.length).toBe(
      RUN_OPTION_NAMES.reduce((sum, name) => sum + RUN_OPTIONS[name].usage.length, 0),
    );
    const lines = RUN_USAGE.split('\n');
    for (const { row, form } of forms) {
      const label = `  ${formLabel(row, form)} `;
      expect(lines.filter((line) => line.startsWith(label))).toHaveLength(1);
    }
    expect(RUN_USAGE).toContain(
      '\nTarget (default: the embedded reference implementation, in-process):\n',
    );
    expect(RUN_USAGE).toContain('\nLive mode and credentials (docs/LIVE.md):\n');
    for (const line of RUN_USAGE.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it("gives the parser every row's flag, once", () => {
    const flags = RUN_OPTION_NAMES.map((name) => RUN_OPTIONS[name].flag);
    expect(new Set(flags).size).toBe(flags.length);
    expect(Object.keys(RUN_PARSE_CONFIG)).toEqual(flags);
    expect(RUN_PARSE_CONFIG.parent).toEqual({ type: 'string', multiple: true });
    expect(RUN_PARSE_CONFIG.live).toEqual({ type: 'boolean' });
    expect(RUN_PARSE_CONFIG.help).toEqual({ type: 'boolean', short: 'h' });
  });

  it("gives runConformance the rows that are not the command line's own, in table order", () => {
    expect(RUN_API_OPTION_NAMES).toEqual(
      RUN_OPTION_NAMES.filter((name) => !['reporter', 'baseline', 'help'].includes(name)),
    );
    expectTypeOf<keyof RunConformanceOptions>().toEqualTypeOf<
      (typeof RUN_API_OPTION_NAMES)[number]
    >();
    expectTypeOf<RunConformanceOptions['deadlineMs']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RunConformanceOptions['strengths']>().toEqualTypeOf<
      readonly ('MUST' | 'SHOULD' | 'observed')[] | undefined
    >();
    expectTypeOf<RunConformanceOptions['scopes']>().toEqualTypeOf<
      Readonly<Record<string, string | readonly string[]>> | undefined
    >();
    // @ts-expect-error: the command line keeps --reporter to itself.
    const reporter: RunConformanceOptions = { reporter: 'json' };
    expect(reporter).toBeDefined();
  });

  it('refuses an option that is not in the table, naming the known ones', () => {
    for (const name of ['servcies', 'reporter', 'baseline', 'help']) {
      let message = '';
      try {
        apiRunValues({ [name]: 'x' } as RunConformanceOptions);
      } catch (error) {
        if (isLroError(error)) message = error.message;
      }
      expect(message).toBe(`unknown option "${name}" (known: ${RUN_API_OPTION_NAMES.join(', ')})`);
    }
  });

  it("is docs/API.md's option table: each option with its flag, in table order", () => {
    const rows = [...API_DOC.matchAll(/^\| `(\w+)` \| `--([a-z-]+)` \|/gm)].map(
      ([, option, flag]) => [option, flag],
    );
    expect(rows).toEqual(RUN_API_OPTION_NAMES.map((name) => [name, RUN_OPTIONS[name].flag]));
  });
});
