import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REFERENCE_FAULTS } from '../../harness/reference/faults/catalogue.ts';
import { SELF_TEST_DOC } from './generate-self-test-doc.ts';
import { withGeneratedPart } from './self-test-doc.ts';

describe('docs/SELF-TEST.md', () => {
  it('lists the faults and variants the self-test runs (run `npm run generate` when it does not)', () => {
    const committed = readFileSync(SELF_TEST_DOC, 'utf8');
    expect(
      withGeneratedPart(committed) === committed,
      'docs/SELF-TEST.md is stale: run `npm run generate` and commit it',
    ).toBe(true);
  });

  it('renders each fault with the clauses that catch it and its exit code', () => {
    const page = withGeneratedPart(readFileSync(SELF_TEST_DOC, 'utf8'));
    const [fault] = REFERENCE_FAULTS;
    expect(page).toContain(`| \`${fault?.id}\` | ${fault?.description}`);
    expect(page).toContain(`| ${fault?.exitCode} |`);
  });
});
