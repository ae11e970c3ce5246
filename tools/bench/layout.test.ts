/**
 * The scale figure runs a private copy of the build (copyLayout): the copy must hold every part
 * of the build, or its CLI cannot even start. A fixed list of parts once left base/ out.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyLayout, layoutAt } from './layout.ts';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('copyLayout', () => {
  it('copies every part of the build but its packages, and links those', () => {
    const root = mkdtempSync(join(tmpdir(), 'lro-layout-'));
    made.push(root);
    for (const part of ['base', 'harness', 'specs', 'reports', 'suites', 'a-room-added-later']) {
      mkdirSync(join(root, part));
      writeFileSync(join(root, part, 'index.js'), '');
    }
    writeFileSync(join(root, 'package.json'), '{}');
    mkdirSync(join(root, 'node_modules'));
    const copy = copyLayout(layoutAt('dist', root));
    made.push(copy.root);
    expect(readdirSync(copy.root).sort()).toEqual(readdirSync(root).sort());
    expect(readdirSync(join(copy.root, 'a-room-added-later'))).toEqual(['index.js']);
  });
});
