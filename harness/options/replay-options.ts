/**
 * `--target replay:FILE.har` (`target: 'replay:FILE.har'`): reads, before any test runs, how the recorded run was set up
 * (`log._lroConformance`, written by `run --record`): its services and base URLs, the seed of
 * its probe names, its deadline and settle time, its named operations and the placeholders
 * that stand for its parents. A replay uses them all, so it asks exactly what was recorded.
 */
import { readFileSync } from 'node:fs';
import { invalidFileError, usageError } from '#base';
import type { RecordedRun } from '../http/index.ts';
import { parseHar } from '../http/index.ts';
import type { OptionTerms } from './option-terms.ts';

export interface ReplayRunInfo {
  readonly run: RecordedRun;
  readonly parents: Readonly<Record<string, string>>;
}

export function readReplayRun(file: string, terms: OptionTerms): ReplayRunInfo {
  const name = terms.name;
  if (file === '') {
    throw usageError(`${name('target')} replay: needs a file, e.g. replay:live.har`);
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw invalidFileError(
      code === 'ENOENT'
        ? `no recording at ${file}`
        : `cannot read ${file}: ${code ?? String(error)}`,
    );
  }
  const extension = parseHar(text, file).log._lroConformance;
  const run = extension?.run;
  if (run === undefined || !isRecordedRun(run)) {
    throw invalidFileError(
      `${file} was not written by lro-conformance run ${name('record')} (it has no log._lroConformance.run), so there is no run to replay`,
    );
  }
  if (run.control === true) {
    throw invalidFileError(
      `${file} was recorded with a control endpoint: its clauses made their own operations through it, and a replay has no control endpoint to ask, so it could not give the recorded outcomes. Record with ${name('control')} none (probes, ${name('operations')} and ${name('allowCancel')} replay), or with ${name('live')}`,
    );
  }
  return { run, parents: extension?.parents ?? {} };
}

function isRecordedRun(value: RecordedRun): boolean {
  const record = (field: unknown) =>
    typeof field === 'object' &&
    field !== null &&
    Object.values(field).every((item) => typeof item === 'string');
  return (
    Array.isArray(value.services) &&
    value.services.every((service) => typeof service === 'string') &&
    record(value.endpoints) &&
    record(value.operations) &&
    record(value.cancellable) &&
    typeof value.probeSeed === 'string' &&
    Number.isFinite(value.deadlineMs) &&
    Number.isFinite(value.settleMs)
  );
}
