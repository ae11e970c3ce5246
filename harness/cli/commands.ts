/**
 * The commands of `lro-conformance`, in the order `--help` lists them. Each module is loaded
 * only when its command runs, so `serve` never pays for the conformance runner and vice versa.
 */
import type { CommandEntry } from './command.ts';

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'run',
    summary: 'run the conformance suite against a target and write the report',
    load: () => import('./run-command.ts'),
  },
  {
    name: 'list',
    summary: 'list the clauses the suite checks (id, strength, services, title)',
    load: () => import('./list-command.ts'),
  },
  {
    name: 'merge',
    summary: 'merge the reports of a sharded run (run --shard i/n) into one',
    load: () => import('./merge-command.ts'),
  },
  {
    name: 'serve',
    summary: 'serve the reference implementation over HTTP on 127.0.0.1',
    load: () => import('./serve-command.ts'),
  },
  {
    name: 'drift',
    summary: "compare the services' live Discovery documents with what the suite relies on",
    load: () => import('./drift-command.ts'),
  },
  {
    name: 'diff',
    summary: 'compare two results.json files cell by cell (behaviour drift)',
    load: () => import('./diff-command.ts'),
  },
];

export function commandNamed(name: string): CommandEntry | undefined {
  return COMMANDS.find((command) => command.name === name);
}
