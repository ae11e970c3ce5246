import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  listClauseIds,
  PACKAGE_ROOT,
  SUITE_GLOB,
  suiteExtension,
  suiteFileOf,
} from './suite-catalogue.ts';

/** Walks suites/ by hand, independently of the module under test. */
function suiteFiles(directory: string, prefix = ''): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory())
      return suiteFiles(join(directory, entry.name), `${prefix}${entry.name}/`);
    return entry.name.endsWith('.test.ts') ? [`${prefix}${entry.name}`] : [];
  });
}

describe('listClauseIds', () => {
  const ids = listClauseIds();

  it('lists every suites/**/*.test.ts as an id without the extension', () => {
    const files = suiteFiles(join(PACKAGE_ROOT, 'suites'));
    expect(files.length).toBeGreaterThan(0);
    expect([...ids].sort()).toEqual(files.map((file) => file.replace(/\.test\.ts$/, '')).sort());
    expect(ids).toContain('cancel/accepts-request-without-body');
    expect(ids).toContain('get/operation-has-valid-shape');
  });

  it('lists them sorted, each once, with forward slashes', () => {
    for (let index = 1; index < ids.length; index += 1) {
      expect((ids[index - 1] ?? '') < (ids[index] ?? '')).toBe(true);
    }
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9-]+(\/[a-z0-9-]+)+$/);
    }
  });
});

describe('suiteFileOf', () => {
  it('maps an id to its suite file, relative to the package root', () => {
    expect(suiteFileOf('cancel/x')).toBe('suites/cancel/x.test.ts');
  });

  it('maps every listed id back to a file that exists', () => {
    for (const id of listClauseIds()) {
      expect(existsSync(join(PACKAGE_ROOT, suiteFileOf(id))), id).toBe(true);
    }
  });

  it('finds the package root by its package.json', () => {
    expect(existsSync(join(PACKAGE_ROOT, 'package.json'))).toBe(true);
  });
});

describe('suiteExtension', () => {
  it('follows the layout the harness runs from: .ts from sources, .js from dist/', () => {
    expect(suiteExtension('file:///work/lro/harness/clause/suite-catalogue.ts')).toBe('.ts');
    expect(
      suiteExtension(
        'file:///app/node_modules/lro-conformance/dist/harness/cli/suite-catalogue.js',
      ),
    ).toBe('.js');
  });

  it('is .ts here, where the tests run from sources', () => {
    expect(suiteExtension()).toBe('.ts');
    expect(SUITE_GLOB).toBe('suites/**/*.test.ts');
  });
});
