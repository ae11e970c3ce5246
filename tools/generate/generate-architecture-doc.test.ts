import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARROWS, ROOMS } from '../../.dependency-cruiser.ts';
import { renderArchitectureDoc } from './architecture-doc.ts';
import { ARCHITECTURE_DOC } from './generate-architecture-doc.ts';

describe('docs/ARCHITECTURE.md', () => {
  it('matches the rule file (run `npm run generate` when it does not)', () => {
    expect(
      readFileSync(ARCHITECTURE_DOC, 'utf8') === renderArchitectureDoc(),
      'docs/ARCHITECTURE.md is stale: run `npm run generate` and commit it',
    ).toBe(true);
  });

  it('describes every room and draws every arrow between drawn rooms', () => {
    const page = renderArchitectureDoc();
    for (const { part } of ROOMS) expect(page).toContain(part);
    expect(page).toContain('  harness_clause --> harness_targets');
    expect(page).toContain('  harness_api -. types .-> harness_targets');
    expect(page).toContain('  suites --> harness');
    const drawn = page.match(/^ {2}\w+ (-->|-\. types \.->) \w+$/gm) ?? [];
    const arrows = Object.entries(ARROWS)
      .filter(([room]) => room !== 'tools')
      .flatMap(([, targets]) => targets)
      .filter((target) => target !== 'base');
    expect(drawn).toHaveLength(arrows.length);
  });
});
