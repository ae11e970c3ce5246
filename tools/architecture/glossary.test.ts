/**
 * docs/GLOSSARY.md gives each concept one word. This test keeps the words it retired from
 * coming back, in code, usage texts and docs alike. A results.json of schema version 2 still
 * says them, so the one module that reads it (reports/results-upgrade.ts), the changelog and the
 * glossary itself may.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const REPOSITORY = new URL('../../', import.meta.url);

/** A retired word, as a pattern, and the word that replaced it. */
const RETIRED: readonly (readonly [RegExp, string])[] = [
  [/'mock'|"mock"|kind: mock\b|`mock` target|\bmock target\b|\bmock matrix\b/, 'embedded'],
  [/\bredact(s|ed|ing|ion)?\b|\bredact[A-Z]\w*/, 'scrub'],
  [/(?<![\w-])complete-despite(?![\w-])|completed-despite-cancel/, 'completes-despite-cancel'],
  [/\b[Oo]perationOutcome\b/, 'OperationState, operationState'],
  [/\bMATRIX_SCENARIOS\b|\bADAPTER_SCENARIOS\b/, 'MATRIX_STATES, ADAPTER_CASES'],
];

const ALLOWED = new Set([
  'docs/GLOSSARY.md',
  'CHANGELOG.md',
  'reports/results-upgrade.ts',
  'reports/results-upgrade.test.ts',
  'tools/architecture/glossary.test.ts',
]);

function trackedTextFiles(): string[] {
  return execFileSync('git', ['ls-files'], { cwd: REPOSITORY, encoding: 'utf8' })
    .split('\n')
    .filter((file) => /\.(ts|js|mjs|json|md|yml|py)$/.test(file))
    .filter((file) => !/(^|\/)(generated|seeds|discovery)\//.test(file))
    .filter((file) => file !== 'package-lock.json' && !ALLOWED.has(file));
}

describe('docs/GLOSSARY.md', () => {
  it('keeps retired words out of the code, the usage texts and the docs', () => {
    const found: string[] = [];
    for (const file of trackedTextFiles()) {
      let text: string;
      try {
        text = readFileSync(new URL(file, REPOSITORY), 'utf8');
      } catch {
        continue; // deleted in the working tree, not yet in the index
      }
      text.split('\n').forEach((line, index) => {
        for (const [pattern, instead] of RETIRED) {
          // `[REDACTED]` is the scrubber's mark, not the verb; `prism mock` is Prism's own
          // command (tools/interop/prism-mock.test.ts), not the in-process target.
          const words = line
            .replaceAll('[REDACTED]', '')
            .replaceAll('REDACTED', '')
            .replaceAll("[PRISM, 'mock'", '[PRISM');
          if (pattern.test(words)) {
            found.push(`${file}:${index + 1}: say ${instead}: ${line.trim()}`);
          }
        }
      });
    }
    expect(found).toEqual([]);
  });

  it('names every word it retires', () => {
    const glossary = readFileSync(new URL('docs/GLOSSARY.md', REPOSITORY), 'utf8');
    for (const retired of ['mock', 'redact', 'complete-despite', 'operation outcome']) {
      expect(glossary).toContain(retired);
    }
  });
});
