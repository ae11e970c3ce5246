/**
 * The worker thread in which the CLI's thread checks a handlers module before a run
 * (msw-target-option.ts): the user's module runs here, never on the CLI's own thread, so that a
 * `process.exit()` in it ends this thread only, and a module that never finishes loading (an
 * endless loop, a top-level await that never settles) can be terminated from outside. It posts
 * one CheckReport and is terminated as soon as that arrives, timers of the module and all.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type ServiceProfile, useServiceProfiles } from '#specs';
import { InvalidMswModuleError, loadMswModule } from '../targets/index.ts';

export type CheckReport =
  | { readonly kind: 'checked'; readonly services: readonly string[] | undefined }
  | { readonly kind: 'invalid'; readonly problem: string }
  | { readonly kind: 'exit-called'; readonly code: string }
  | { readonly kind: 'failed'; readonly message: string };

export interface CheckRequest {
  readonly path: string;
  readonly source: string;
  /** The run's services beyond the seeds (`--service-document`, `--catalogue`): a module may serve them. */
  readonly profiles: readonly ServiceProfile[];
}

const port = parentPort;
if (port !== null) {
  const report = (message: CheckReport) => port.postMessage(message);
  // A module that ends "the process" ends this thread: say so first, so the CLI can tell it
  // from a load that simply never finished.
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => {
    report({ kind: 'exit-called', code: String(code ?? process.exitCode ?? 0) });
    return exit(code);
  }) as typeof process.exit;
  const { path, source, profiles } = workerData as CheckRequest;
  // A thread of its own has its own module state: the run's added services are known here too.
  useServiceProfiles(profiles);
  // Not a top-level await: a module that never finishes loading would leave this entry waiting
  // too, and Node would warn about it when the thread ends.
  loadMswModule(path, source).then(
    (module) => report({ kind: 'checked', services: module.services }),
    (error: unknown) =>
      report(
        error instanceof InvalidMswModuleError
          ? { kind: 'invalid', problem: error.problem }
          : { kind: 'failed', message: error instanceof Error ? error.message : String(error) },
      ),
  );
}
