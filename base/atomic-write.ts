/**
 * Writes a file so that readers see either the old file, no file, or the whole new one: the
 * text goes to a temporary file in the same directory, which is then renamed over the target
 * (rename(2) is atomic within one file system). The temporary file never outlives a failure,
 * and a kill -9 at any moment leaves the previous file whole.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
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
