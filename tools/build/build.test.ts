import { globSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { distManifest, RUNTIME_ASSETS } from './build.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('distManifest', () => {
  it('maps the imports to the compiled files and carries the version', () => {
    expect(
      distManifest({
        version: '1.2.3',
        imports: { '#specs': './specs/index.ts', '#harness': './harness/index.ts' },
      }),
    ).toMatchObject({
      version: '1.2.3',
      type: 'module',
      imports: { '#specs': './specs/index.js', '#harness': './harness/index.js' },
    });
  });

  it('changes only a trailing .ts', () => {
    expect(distManifest({ imports: { '#x': './ts.ts/a.json' } })).toMatchObject({
      imports: { '#x': './ts.ts/a.json' },
    });
  });
});

describe('RUNTIME_ASSETS', () => {
  it.for(RUNTIME_ASSETS)('%s matches files in the repository', (pattern) => {
    expect(globSync(pattern, { cwd: ROOT }).length).toBeGreaterThan(0);
  });
});
