/**
 * How a person reproduces a finding: the `lro-conformance run` command that checks exactly its
 * cell again, with the target, fault, variant and timing the run used (results.json's `rerun`),
 * and, when the target is reached over HTTP, the curl line of the request the finding rests on
 * (Schemathesis prints "Reproduce with: curl …" under each failure). The embedded reference, a
 * handlers module and a replay answer in-process: their requests name hosts no one can reach
 * (`reference.lro-conformance.invalid`), so for them the command is the reproduction and no
 * curl line is offered.
 */
import { lastCurl } from './matrix-view.ts';
import type { CellResult, RunResults, TargetInfo } from './results-model.ts';
import { scrubText } from './scrub.ts';

/** How the package's command is started where it is installed (README.md "Install"). */
const COMMAND = ['npx', 'lro-conformance', 'run'];

/** Words a POSIX shell (and zsh, where a leading `=` expands) takes literally. */
const PLAIN_WORD = /^(?!=)[\w@%+=:,./-]+$/;

/** One argument as a shell reads it back: bare when plain, else in single quotes. */
export function shellWord(text: string): string {
  return PLAIN_WORD.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

/** The run's requests left the process: a curl line reaches the target (URL or live). */
export function reachableOverHttp(target: TargetInfo): boolean {
  return target.kind === 'url' || target.kind === 'live';
}

type CellKey = Pick<CellResult, 'service' | 'clause'>;

/** `npx lro-conformance run --fault … --service dai --clause cancel/…`, scrubbed. */
export function rerunCommand(results: RunResults, cell: CellKey): string | undefined {
  const args = results.rerun?.[cell.service];
  if (args === undefined) return undefined;
  // Scrubbed word by word, so a `[REDACTED]` is quoted like any other word and never globbed.
  const words = [...args, '--clause', cell.clause].map((word) => shellWord(scrubText(word)));
  return [...COMMAND, ...words].join(' ');
}

/** The curl line of the request the cell's outcome rests on, for targets over HTTP only. */
export function reproductionCurl(results: RunResults, cell: CellResult): string | undefined {
  if (!reachableOverHttp(results.target)) return undefined;
  const curl = lastCurl(cell);
  return curl === undefined ? undefined : scrubText(curl);
}
