/**
 * Keeps docs/LIVE.md and the nightly live workflow true: the workflow is printed in the doc word
 * for word, every `npx lro-conformance` line in them names a command and flags that exist, and
 * the request count the doc gives is the one the live test measures.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandNamed } from './commands.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const DOC = read('docs/LIVE.md');
const WORKFLOW = read('docs/examples/nightly-live.yml');
const LIVE_TEST = read('harness/cli/run-live.test.ts');

describe('docs/LIVE.md and docs/examples/nightly-live.yml', () => {
  it('prints the workflow file as it is, and no status note any more', () => {
    expect(DOC).toContain(`\`\`\`yaml\n${WORKFLOW}\`\`\``);
    expect(DOC).not.toContain('**Status.**');
  });

  const lines = [...`${DOC}\n${WORKFLOW}`.matchAll(/npx lro-conformance (\w+)([^\n]*)/g)];

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
    expect(lines.map((match) => match[1])).toEqual(expect.arrayContaining(['run', 'serve']));
  });

  it('gives the request count per service that the live test holds the run to', () => {
    expect(DOC).toContain('**6 requests per service**');
    expect(DOC).toContain('**10 per service**');
    expect(LIVE_TEST).toContain('serviceIds().map((id) => [id, 6])');
    expect(LIVE_TEST).toContain('serviceIds().map((id) => [id, 10])');
  });
});
