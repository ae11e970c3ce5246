/**
 * Writes a file so that readers see either the old file, no file, or the whole new one: the
 * text goes to a temporary file in the same directory, which is then renamed over the target
 * (rename(2) is atomic within one file system). The temporary file never outlives a failure.
 */
import { randomBytes } from 'node:crypto';
import { lstat, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary files are `.<name>.<pid>.<random>.tmp`, so an interrupted write is easy to spot. */
export const TEMPORARY_SUFFIX = '.tmp';

export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const temporary = temporaryPathFor(path);
  try {
    await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** A file to write, and what it is to hold. */
export interface FileText {
  readonly path: string;
  readonly text: string;
}

/** One of several files could not replace what was at its path; `path` names it. */
export class FileNotReplacedError extends Error {
  override readonly name = 'FileNotReplacedError';
  readonly path: string;
  /** The system error code (`EISDIR`, `EACCES`, …), when there is one. */
  readonly code: string | undefined;

  constructor(path: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    super(`cannot replace ${path}${code === undefined ? '' : ` (${code})`}`, { cause });
    this.path = path;
    this.code = code;
  }
}

/**
 * Writes several files so that what was at their paths stays until every new one is written in
 * full: each text goes to a temporary file beside its path first, and only when all are on disk
 * are they renamed over their paths, in the order given (put the file readers look at first
 * last). A path that cannot be replaced (a directory is there) is found before any rename, so a
 * failure leaves the old files as they were; no temporary file outlives a failure.
 */
export async function replaceFilesTogether(files: readonly FileText[]): Promise<void> {
  const written: { readonly temporary: string; readonly path: string }[] = [];
  try {
    for (const { path, text } of files) {
      const temporary = temporaryPathFor(path);
      try {
        await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
      } catch (error) {
        throw new FileNotReplacedError(path, error);
      }
      written.push({ temporary, path });
    }
    for (const { path } of written) {
      const existing = await lstat(path).catch(() => undefined);
      if (existing?.isDirectory()) {
        throw new FileNotReplacedError(
          path,
          Object.assign(new Error('a directory'), { code: 'EISDIR' }),
        );
      }
    }
    for (const { temporary, path } of written) {
      try {
        await rename(temporary, path);
      } catch (error) {
        throw new FileNotReplacedError(path, error);
      }
    }
  } catch (error) {
    await Promise.all(written.map(({ temporary }) => rm(temporary, { force: true })));
    throw error;
  }
}

function temporaryPathFor(path: string): string {
  return join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMPORARY_SUFFIX}`,
  );
}
