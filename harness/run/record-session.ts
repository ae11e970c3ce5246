import { compareCodeUnits, type Exchange, type RunResults } from '#reports';
import type { RecordedRun } from '../http/index.ts';
import { writeHar } from '../http/index.ts';
import type { RunConfig } from '../plan/index.ts';

export async function recordSession(
  file: string,
  results: RunResults,
  run: RunConfig,
): Promise<void> {
  // A recording that cannot be written is a HarnessError (exit 3): the run itself went well.
  await writeHar(file, sessionExchanges(results), {
    parents: run.parents,
    run: recordedRun(run),
    comment: `lro-conformance run against a ${results.target.kind} target, ${results.startedAt}`,
  });
}

/** Every distinct exchange of the run, in the order the requests were sent. */
export function sessionExchanges(results: RunResults): Exchange[] {
  const seen = new Set<string>();
  const exchanges: Exchange[] = [];
  for (const cell of results.results) {
    for (const exchange of cell.evidence ?? []) {
      const key = JSON.stringify(exchange);
      if (seen.has(key)) continue;
      seen.add(key);
      exchanges.push(exchange);
    }
  }
  // A stable sort: exchanges without a start time keep their place among equals.
  return exchanges.toSorted((a, b) => compareCodeUnits(a.startedAt ?? '', b.startedAt ?? ''));
}

function recordedRun(run: RunConfig): RecordedRun {
  return {
    services: run.services,
    endpoints: endpointsOf(run),
    probeSeed: run.probeSeed ?? '',
    deadlineMs: run.deadlineMs,
    settleMs: run.settleMs,
    operations: run.capabilities.operations,
    cancellable: run.capabilities.cancellable,
    ...(run.capabilities.control ? { control: true } : {}),
  };
}

function endpointsOf(run: RunConfig): Record<string, string> {
  const { target } = run;
  const base = (service: string): string | undefined => {
    switch (target.kind) {
      case 'live':
      case 'replay':
        return target.endpoints[service];
      case 'url':
        return target.baseUrl;
      case 'embedded':
      case 'msw':
        return undefined;
    }
  };
  return Object.fromEntries(
    run.services.flatMap((service) => {
      const url = base(service);
      return url === undefined ? [] : [[service, url]];
    }),
  );
}
