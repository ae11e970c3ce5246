/**
 * Keeps the README's reference tables complete: every command `lro-conformance --help` lists and
 * every page under docs/ appear in README.md, and its "Every `run` flag" table lists the option
 * table's groups and forms (harness/options/run-option-table.ts), as `run --help` does, in the
 * same order. A command, flag or page added without a README row fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formLabel, USAGE_GROUPS, usageSections } from '../options/index.ts';
import { COMMANDS } from './commands.ts';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const DOCS = new URL('../../docs/', import.meta.url);

/** The first column of the table after the "Every `run` flag" heading. */
function runFlagColumn(readme: string): string[] {
  const section = readme.slice(readme.indexOf('### Every `run` flag'));
  const table = section.slice(section.indexOf('| flag | meaning |'));
  return table
    .slice(0, table.indexOf('\n\n'))
    .split('\n')
    .slice(2)
    .map((row) => /^\| (.*?) \|/.exec(row)?.[1] ?? row);
}

/** The same column made from the option table: `**Group**` rows, then `` `--flag ARG` `` rows. */
function tableColumn(): string[] {
  return usageSections().flatMap(({ group, rows }) => [
    `**${USAGE_GROUPS[group].title}**`,
    ...rows.map(({ row, form }) => `\`${formLabel(row, form).replaceAll('|', '\\|')}\``),
  ]);
}

describe('README.md', () => {
  it('has a row for every command', () => {
    for (const { name } of COMMANDS)
      expect(README).toMatch(new RegExp(`^\\| \`${name}\` \\|`, 'm'));
  });

  it("lists the option table's groups and forms in its flag table, in the table's order", () => {
    expect(tableColumn().length).toBeGreaterThan(30);
    expect(runFlagColumn(README)).toEqual(tableColumn());
  });

  it('notices a run flag without a row', () => {
    const withoutSettle = README.replace(/^\| `--settle MS`.*\n/m, '');
    expect(runFlagColumn(withoutSettle)).not.toEqual(tableColumn());
  });

  it('links every page of docs/', () => {
    const pages = readdirSync(DOCS).filter((file) => file.endsWith('.md'));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) expect(README).toContain(`](docs/${page})`);
  });
});
