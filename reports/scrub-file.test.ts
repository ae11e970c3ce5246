import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REDACTED } from './scrub.ts';
import { scrubFile } from './scrub-file.ts';
import { forgetSecrets, registerSecret } from './secret-registry.ts';

describe('scrubFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lro-scrub-'));
  });
  afterEach(async () => {
    forgetSecrets();
    await rm(dir, { recursive: true, force: true });
  });

  it('rewrites a junit.xml that carries a registered secret and a bearer token', async () => {
    const path = join(dir, 'junit.xml');
    registerSecret('canary-junit-value');
    await writeFile(
      path,
      '<failure message="got canary-junit-value">\nAuthorization: Bearer abc.def\n</failure>',
    );
    expect(await scrubFile(path)).toBe(true);
    expect(await readFile(path, 'utf8')).toBe(
      `<failure message="got ${REDACTED}">\nAuthorization: ${REDACTED}\n</failure>`,
    );
  });

  it('leaves a file without secrets untouched', async () => {
    const path = join(dir, 'junit.xml');
    await writeFile(path, '<testsuites/>');
    const before = (await stat(path)).mtimeMs;
    expect(await scrubFile(path)).toBe(false);
    expect(await readFile(path, 'utf8')).toBe('<testsuites/>');
    expect((await stat(path)).mtimeMs).toBe(before);
  });
});
