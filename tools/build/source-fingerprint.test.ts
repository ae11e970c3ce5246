import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceFingerprint } from './source-fingerprint.ts';

const root = mkdtempSync(join(tmpdir(), 'lro-fingerprint-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'harness'), { recursive: true });
writeFileSync(join(root, 'package.json'), '{}');
writeFileSync(join(root, 'harness/a.ts'), 'export const a = 1;\n');
writeFileSync(join(root, 'harness/a.test.ts'), 'tests do not count\n');

describe('sourceFingerprint', () => {
  it('follows the content of the sources, never their times', () => {
    const first = sourceFingerprint(root);
    // A build made a second before a checkout, or after it: times say nothing about content.
    utimesSync(join(root, 'harness/a.ts'), new Date(0), new Date(0));
    expect(sourceFingerprint(root)).toBe(first);
    writeFileSync(join(root, 'harness/a.test.ts'), 'a test changed\n');
    expect(sourceFingerprint(root)).toBe(first);
    writeFileSync(join(root, 'harness/a.ts'), 'export const a = 2;\n');
    expect(sourceFingerprint(root)).not.toBe(first);
  });

  it('follows base/ too, which every part imports', () => {
    mkdirSync(join(root, 'base'), { recursive: true });
    writeFileSync(join(root, 'base/b.ts'), 'export const b = 1;\n');
    const first = sourceFingerprint(root);
    writeFileSync(join(root, 'base/b.ts'), 'export const b = 2;\n');
    expect(sourceFingerprint(root)).not.toBe(first);
  });
});
