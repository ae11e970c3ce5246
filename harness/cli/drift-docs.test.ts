/**
 * Keeps docs/DRIFT.md and the workflow users copy true: the workflow is printed in the doc word
 * for word, and every `npx lro-conformance` line in them and in the README names a command and
 * flags that exist.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandNamed } from './commands.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const DOC = read('docs/DRIFT.md');
const WORKFLOW = read('docs/examples/nightly-drift.yml');
const README = read('README.md');

describe('docs/DRIFT.md and docs/examples/nightly-drift.yml', () => {
  it('prints the workflow file as it is', () => {
    expect(DOC).toContain(`\`\`\`yaml\n${WORKFLOW}\`\`\``);
  });

  const lines = [
    ...`${DOC}\n${WORKFLOW}\n${README}`.matchAll(/npx lro-conformance (\w+)([^\n]*)/g),
  ];

  it.for(lines.map((match) => [match[1] ?? '', match[0]]))(
    '%s: %s uses flags the command has',
    async ([name, line]) => {
      const entry = commandNamed(name ?? '');
      expect(entry, `${name} is not a command`).toBeDefined();
      const { usage } = (await entry?.load()) ?? { usage: '' };
      for (const flag of line?.match(/--[a-z-]+/g) ?? []) expect(usage).toContain(flag);
    },
  );

  it('finds the command lines it checks', () => {
    expect(lines.map((match) => match[1])).toEqual(
      expect.arrayContaining(['drift', 'diff', 'run']),
    );
  });
});
