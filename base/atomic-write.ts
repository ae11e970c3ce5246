/**
 * Writes a file so that readers see either the old file, no file, or the whole new one: the
 * text goes to a temporary file in the same directory, which is then renamed over the target
 * (rename(2) is atomic within one file system). The temporary file never outlives a failure,
 * and a kill -9 at any moment leaves the previous file whole.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files are `.<name>.<pid>.<random>.tmp`, so an interrupted write is easy to spot. */
export const TEMPORARY_SUFFIX = '.tmp';

/**
 * Creates `dir` and its missing ancestors one at a time, from the nearest one that exists.
 * Node's own `mkdir(dir, { recursive: true })` never settles, spinning at full CPU, where mkdir(2)
 * answers ENOENT below an existing directory (under /proc, checked on Node 22.23); one mkdir(2)
 * per level fails instead, with its code.
 */
export async function makeDirectory(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    const found = await stat(at).then(
      (stats) => stats.isDirectory(),
      (error: NodeJS.ErrnoException) =>
        error.code === 'ENOENT' ? undefined : Promise.reject(error),
    );
    if (found === true) break;
    if (found === false || at === dirname(at)) {
      throw Object.assign(new Error(`${at} is not a directory`), { code: 'ENOTDIR' });
    }
    missing.unshift(at);
  }
  for (const at of missing) {
    await mkdir(at).catch((error: NodeJS.ErrnoException) =>
      error.code === 'EEXIST' ? undefined : Promise.reject(error),
    );
  }
}

export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMPORARY_SUFFIX}`,
  );
  try {
    await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
