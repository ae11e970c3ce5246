/**
 * The one test module `lro-conformance run` hands to vitest. It loads every selected suite file
 * into itself, the way vitest loads a test file, so that vitest runs all their tests side by side
 * in one worker: over HTTP the waits of every clause and service overlap (vitest runs the files it
 * is given one after another). A suite file that cannot load becomes a failing test named after it,
 * which the run reports as a problem instead of a silently missing clause. It also starts the
 * worker's heartbeat, by which the run sees a worker wedged by a handlers module (heartbeat.ts).
 */
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, inject, test } from 'vitest';
import { useServiceProfiles } from '#specs';
import { LOAD_FAILURE_TITLE, PACKAGE_ROOT } from '../plan/index.ts';
import { startHeartbeat } from './heartbeat.ts';

const heartbeat = inject('lroHeartbeat');
if (heartbeat !== undefined) startHeartbeat(heartbeat);

const run = inject('lroRun');
// Before any suite loads: clauses list the services they apply to when their module runs.
useServiceProfiles(run.profiles ?? []);

for (const file of run.suiteFiles ?? []) {
  try {
    await import(pathToFileURL(file).href);
  } catch (error) {
    describe(relative(PACKAGE_ROOT, file), () => {
      test(LOAD_FAILURE_TITLE, () => {
        throw error;
      });
    });
  }
}
