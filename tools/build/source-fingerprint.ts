/**
 * A digest of the sources a build is made from: every file `npm run build` reads, by path and
 * content. The build writes it into dist/package.json; the bench rebuilds dist/ when the digest
 * of the sources differs. Content, not modification times: a checkout, a stash or a copy that
 * keeps or resets times cannot make a stale build look fresh.
 */
import { createHash } from 'node:crypto';
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE_GLOBS = [
  '{base,harness,specs,reports,suites}/**/*.{ts,json,txt,css,js}',
  // The build itself: a change to how dist/ is made makes an older dist/ stale too.
  'tools/build/*.ts',
  'package.json',
  'tsconfig.json',
  'tsconfig.build.json',
];

export function sourceFingerprint(root: string): string {
  const files = SOURCE_GLOBS.flatMap((pattern) => globSync(pattern, { cwd: root }))
    .filter((file) => !file.includes('.test.') && !file.includes('node_modules'))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}
