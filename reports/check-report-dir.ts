/**
 * Whether a run can write its report (`--report-dir`) and its recording (`--record`) where it was
 * asked to, checked before any test runs, so a bad path costs a second rather than a whole run.
 * The check creates nothing: it finds the directory or its nearest existing ancestor and proves
 * it writable by creating and removing a probe file there (access(2) would say yes to root even
 * on a read-only file system, and /proc lists directories nothing can be created in).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

async function kindOf(path: string): Promise<'directory' | 'other' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'directory' : 'other';
  } catch (error) {
    // ENOTDIR: a component of the path is a file; the walk up finds which.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw error;
  }
}

async function writable(directory: string): Promise<string | undefined> {
  try {
    const probe = await mkdtemp(join(directory, '.lro-probe-'));
    await rm(probe, { recursive: true, force: true });
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? String(error);
  }
}

/**
 * A one-line problem with `dir` as a report directory, or undefined when it can be used.
 * `option` names the option that gave it (`--report-dir`, or runConformance's `reportDir`).
 */
export async function checkReportDir(
  dir: string,
  option = '--report-dir',
): Promise<string | undefined> {
  return checkOutputDir(dir, 'report directory', option);
}

/**
 * A one-line problem with writing the recording `file` (`--record`), or undefined when it can be
 * written: it is not a directory, and its folder exists and is writable or can be created.
 */
export async function checkRecordFile(
  file: string,
  option = '--record',
): Promise<string | undefined> {
  const target = resolve(file);
  if ((await kindOf(target).catch(() => 'other' as const)) === 'directory') {
    return `${target} is a directory: give ${option} the .har file to write`;
  }
  return checkOutputDir(dirname(target), 'folder of the recording', option);
}

async function checkOutputDir(
  dir: string,
  noun: string,
  option: string,
): Promise<string | undefined> {
  const target = resolve(dir);
  const kind = await kindOf(target).catch((error: NodeJS.ErrnoException) => error.code ?? 'error');
  if (kind === 'other') {
    return `${noun} ${target} exists and is not a directory: give ${option} a directory`;
  }
  if (kind === 'directory') {
    const failure = await writable(target);
    return failure === undefined
      ? undefined
      : `${noun} ${target} is not writable (${failure}): give ${option} a directory you can write to`;
  }
  if (kind !== 'missing') return `${noun} ${target} cannot be read (${kind})`;
  let ancestor = dirname(target);
  while ((await kindOf(ancestor).catch(() => 'other' as const)) === 'missing') {
    ancestor = dirname(ancestor);
  }
  if ((await kindOf(ancestor).catch(() => 'other' as const)) !== 'directory') {
    return `${noun} ${target} cannot be created: ${ancestor} is not a directory`;
  }
  const failure = await writable(ancestor);
  return failure === undefined
    ? undefined
    : `${noun} ${target} cannot be created: ${ancestor} is not writable (${failure})`;
}
