/**
 * A copy of the repository as a fresh clone has it (test-only): the files git tracks plus the
 * untracked ones it does not ignore, so a test sees this working tree, uncommitted changes
 * included, without node_modules/, dist/ or anything else .gitignore keeps out. As a folder
 * (a runner's checkout, the Action's own copy) or as a git repository with one commit, whose
 * `git+file://` URL npm installs as it would a GitHub URL.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPOSITORY_ROOT, withResolvedUrls } from './temp-project.ts';

/** Copies the repository's files into `dir` (created), keeping executable bits. */
export function copyCheckout(dir: string): void {
  const listed = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    { cwd: REPOSITORY_ROOT, maxBuffer: 64 * 1024 * 1024 },
  )
    .toString('utf8')
    .split('\0')
    .filter((file) => file !== '');
  for (const file of new Set(listed)) {
    const from = join(REPOSITORY_ROOT, file);
    let mode: number;
    try {
      mode = statSync(from).mode;
    } catch {
      continue; // deleted in the working tree, not yet committed
    }
    const to = join(dir, file);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
    chmodSync(to, mode & 0o777);
  }
}

/**
 * A git repository in `dir` holding the checkout in one commit (its lock with resolved URLs, as
 * above); resolves to that commit's id.
 */
export function gitCheckout(dir: string): string {
  copyCheckout(dir);
  const lockFile = join(dir, 'package-lock.json');
  const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
  writeFileSync(lockFile, `${JSON.stringify(withResolvedUrls(lock), null, 2)}\n`);
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'lro-conformance test',
        GIT_AUTHOR_EMAIL: 'test@lro-conformance.invalid',
        GIT_COMMITTER_NAME: 'lro-conformance test',
        GIT_COMMITTER_EMAIL: 'test@lro-conformance.invalid',
      },
    })
      .toString('utf8')
      .trim();
  git('init', '--quiet');
  git('add', '--all');
  git('commit', '--quiet', '--no-gpg-sign', '-m', 'a checkout of lro-conformance');
  return git('rev-parse', 'HEAD');
}
