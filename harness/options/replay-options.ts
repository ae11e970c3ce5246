/**
 * `--target replay:FILE.har` (`target: 'replay:FILE.har'`): reads, before any test runs, how the recorded run was set up
 * (`log._lroConformance`, written by `run --record`): its services and base URLs, the seed of
 * its probe names, its deadline and settle time, its named operations and the placeholders
 * that stand for its parents. A replay uses them all, so it asks exactly what was recorded.
 *
 * A recording is a file, and a file can say anything: each of these is checked as the options
 * they stand for are (known services, whole milliseconds, absolute http(s) URLs, per-service
 * records keyed by known services), so a bad one is one line naming the file and the field
 * (exit 2), not a developer message when the report is written or a TypeError mid-run.
 */
import { readFileSync } from 'node:fs';
import { invalidFileError, isJsonObject, usageError } from '#base';
import { serviceIds } from '#specs';
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
  const run: unknown = extension?.run;
  if (!isJsonObject(run)) {
    throw invalidFileError(
      `${file} was not written by lro-conformance run ${name('record')} (it has no log._lroConformance.run), so there is no run to replay`,
    );
  }
  const problem = recordedRunProblem(run) ?? recordProblem(extension?.parents ?? {}, 'parents');
  if (problem !== undefined) {
    throw invalidFileError(`${file}: ${problem}; record the session again with ${name('record')}`);
  }
  if (run.control === true) {
    throw invalidFileError(
      `${file} was recorded with a control endpoint: its clauses made their own operations through it, and a replay has no control endpoint to ask, so it could not give the recorded outcomes. Record with ${name('control')} none (probes, ${name('operations')} and ${name('allowCancel')} replay), or with ${name('live')}`,
    );
  }
  return { run: run as unknown as RecordedRun, parents: extension?.parents ?? {} };
}

const FIELD = 'log._lroConformance';

/** What is wrong with the recorded run, field by field; undefined when it can be replayed. */
function recordedRunProblem(run: Readonly<Record<string, unknown>>): string | undefined {
  const known = serviceIds();
  const { services } = run;
  if (
    !Array.isArray(services) ||
    services.length === 0 ||
    !services.every((id): id is string => typeof id === 'string')
  ) {
    return `${FIELD}.run.services is not a non-empty list of service ids`;
  }
  const unknown = services.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    return `${FIELD}.run.services names unknown service ${JSON.stringify(unknown[0])} (known: ${known.join(', ')})`;
  }
  if (new Set(services).size !== services.length) {
    return `${FIELD}.run.services names a service twice`;
  }
  for (const field of ['deadlineMs', 'settleMs'] as const) {
    const value = run[field];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      return `${FIELD}.run.${field} is ${JSON.stringify(value)}, not whole milliseconds of 0 or more`;
    }
  }
  if (typeof run.probeSeed !== 'string') return `${FIELD}.run.probeSeed is not a string`;
  if (run.control !== undefined && run.control !== true) {
    return `${FIELD}.run.control is ${JSON.stringify(run.control)}, not true`;
  }
  for (const field of ['endpoints', 'operations', 'cancellable'] as const) {
    const problem = recordProblem(run[field], `run.${field}`);
    if (problem !== undefined) return problem;
  }
  const endpoints = run.endpoints as Readonly<Record<string, string>>;
  const unreachable = Object.entries(endpoints).find(([, url]) => !isHttpUrl(url));
  if (unreachable !== undefined) {
    return `${FIELD}.run.endpoints.${unreachable[0]} is not an absolute http(s) URL`;
  }
  return undefined;
}

/** A record of strings keyed by known service ids (`endpoints`, `operations`, `parents`). */
function recordProblem(value: unknown, field: string): string | undefined {
  if (!isJsonObject(value)) return `${FIELD}.${field} is not an object of service ids`;
  const known = serviceIds();
  for (const [key, item] of Object.entries(value)) {
    if (!known.includes(key)) {
      return `${FIELD}.${field} names unknown service ${JSON.stringify(key)} (known: ${known.join(', ')})`;
    }
    if (typeof item !== 'string') return `${FIELD}.${field}.${key} is not a string`;
  }
  return undefined;
}

function isHttpUrl(text: string): boolean {
  const url = URL.parse(text);
  return url !== null && (url.protocol === 'http:' || url.protocol === 'https:');
}
