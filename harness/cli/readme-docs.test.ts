/**
 * Keeps the README's reference tables complete: every command `lro-conformance --help` lists,
 * every flag `run --help` documents, and every page under docs/ appear in README.md. A command,
 * flag or page added without a README row fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RUN_USAGE } from '../options/run-options.ts';
import { COMMANDS } from './commands.ts';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const DOCS = new URL('../../docs/', import.meta.url);

/** `--target`, `--fail-on`, … as `run --help` lists them, each once. */
function flagsOf(usage: string): string[] {
  return [...new Set(usage.match(/(?<![\w-])--[a-z][a-z-]*/g) ?? [])];
}

/** The flags of `usage` that no table row of `readme` names (a row starts with the flag). */
function flagsMissingFrom(readme: string, usage: string): string[] {
  return flagsOf(usage).filter((flag) => !new RegExp(`^\\| \`${flag}[ \`=]`, 'm').test(readme));
}

describe('README.md', () => {
  it('has a row for every command', () => {
    for (const { name } of COMMANDS)
      expect(README).toMatch(new RegExp(`^\\| \`${name}\` \\|`, 'm'));
  });

  it('has a row for every run flag', () => {
    expect(flagsOf(RUN_USAGE).length).toBeGreaterThan(20);
    expect(flagsMissingFrom(README, RUN_USAGE)).toEqual([]);
  });

  it('notices a run flag without a row', () => {
    const withoutSettle = README.replace(/^\| `--settle MS`.*$/m, '');
    expect(flagsMissingFrom(withoutSettle, RUN_USAGE)).toEqual(['--settle']);
  });

  it('links every page of docs/', () => {
    const pages = readdirSync(DOCS).filter((file) => file.endsWith('.md'));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) expect(README).toContain(`](docs/${page})`);
  });
});
