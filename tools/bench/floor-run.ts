/**
 * How the floors of the embedded-matrix benchmark are started, in the same layout as the matrix it is
 * compared with: from the TypeScript sources as they are, or, for the compiled build, from
 * type-stripped copies of trivial-vitest-run.ts and its fixture (`module.stripTypeScriptTypes`),
 * so neither side pays for type stripping the other does not.
 */
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LayoutKind, REPOSITORY_ROOT } from './layout.ts';

const RUNNER = fileURLToPath(new URL('./trivial-vitest-run.ts', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
/** The fixtures under fixtures/ a floor can run. */
export type FloorFixture = 'trivial.fixture.ts' | 'msw-round-trips.fixture.ts';

/** The Node arguments of one floor run. */
export function floorArgs(
  kind: LayoutKind,
  fixture: FloorFixture = 'trivial.fixture.ts',
): string[] {
  if (kind === 'sources') return [RUNNER, FIXTURES, fixture];
  const dir = mkdtempSync(join(tmpdir(), 'lro-bench-floor-'));
  mkdirSync(join(dir, 'fixtures'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
  symlinkSync(join(REPOSITORY_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const strip = (file: string) => stripTypeScriptTypes(readFileSync(file, 'utf8'));
  writeFileSync(join(dir, 'trivial-vitest-run.js'), strip(RUNNER));
  const compiled = fixture.replace(/\.ts$/, '.js');
  writeFileSync(join(dir, 'fixtures', compiled), strip(join(FIXTURES, fixture)));
  return [join(dir, 'trivial-vitest-run.js'), join(dir, 'fixtures'), compiled];
}
