/**
 * Test support for docs that show `npx lro-conformance …` lines: finds those lines in a text, and
 * registers one test per line that its command exists and has every flag the line uses.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { commandNamed } from '../../harness/cli/commands.ts';

/** A file of the repository, by its path from the root. */
export function readRepositoryFile(path: string): string {
  return readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
}

export interface CommandLine {
  readonly command: string;
  readonly line: string;
}

export function commandLinesIn(text: string): CommandLine[] {
  return [...text.matchAll(/npx lro-conformance (\w+)([^\n]*)/g)].map((match) => ({
    command: match[1] ?? '',
    line: match[0],
  }));
}

export function itUsesFlagsTheCommandsHave(lines: readonly CommandLine[]): void {
  it.for(lines.map(({ command, line }) => [command, line]))(
    '%s: %s uses flags the command has',
    async ([name, line]) => {
      const entry = commandNamed(name ?? '');
      expect(entry, `${name} is not a command`).toBeDefined();
      const { usage } = (await entry?.load()) ?? { usage: '' };
      for (const flag of line?.match(/--[a-z-]+/g) ?? []) expect(usage).toContain(flag);
    },
  );
}
