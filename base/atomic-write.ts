/**
 * Writes a file so that readers see either the old file, no file, or the whole new one: the
 * text goes to a temporary file in the same directory, which is then renamed over the target
 * (rename(2) is atomic within one file system). The temporary file never outlives a failure.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files are `.<name>.<pid>.<random>.tmp`, so an interrupted write is easy to spot. */
export const TEMPORARY_SUFFIX = '.tmp';

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
