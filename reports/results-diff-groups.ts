/**
 * Behaviour drift, grouped for people: one fault usually changes the same clause the same way in
 * every service, and `diff` printed each (156 lines for one injected fault). Changes that differ
 * only in their service become one entry naming the services and how many; the counts of every
 * change stay in the summary. `diff --all` and `--format json` keep one entry per change.
 * The entries go through the one diff renderer (render-results-diff.ts) unchanged in shape.
 */
import type { ResultsChange, ResultsDiff } from './diff-results.ts';
import { countsLine, describeTarget, verdictSentence } from './matrix-view.ts';
import { type DiffFormat, renderResultsDiff } from './render-results-diff.ts';
import type { RunResults } from './results-model.ts';
import { scrubText } from './scrub.ts';

/** What makes two changes one entry: everything but the service. */
function groupKey(change: ResultsChange): string {
  // A change of a service as a whole (service-added) has no clause: it stays its own entry.
  const service = change.clause === undefined ? (change.service ?? '') : '';
  return JSON.stringify([
    change.level,
    change.kind,
    change.clause,
    change.strength,
    change.before,
    change.after,
    change.detail,
    service,
  ]);
}

/** `checks`, or `5 services (admanager, adsdatahub, checks, dai, datafusion)`. */
function servicesText(services: readonly string[]): string {
  return services.length === 1
    ? (services[0] ?? '')
    : `${services.length} services (${services.join(', ')})`;
}

/** The diff with changes that differ only in their service merged, in first-seen order. */
export function groupResultsDiff(diff: ResultsDiff): ResultsDiff {
  const groups = new Map<string, { change: ResultsChange; services: string[] }>();
  for (const change of diff.changes) {
    const key = groupKey(change);
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, { change, services: change.service === undefined ? [] : [change.service] });
    } else if (change.service !== undefined) {
      group.services.push(change.service);
    }
  }
  const changes = [...groups.values()].map(({ change, services }) =>
    services.length <= 1 ? change : { ...change, service: servicesText(services) },
  );
  return { ...diff, changes };
}

/**
 * The diff as `diff` prints it: grouped (text, Markdown) unless `all`, with a line saying how
 * many changes the entries stand for; JSON always lists every change.
 */
export function renderGroupedResultsDiff(
  diff: ResultsDiff,
  format: DiffFormat,
  options: {
    readonly all?: boolean;
    /** What lists every change, for the closing line (default `--all`). */
    readonly allHint?: string;
  } = {},
): string {
  if (format === 'json' || options.all === true) return renderResultsDiff(diff, format);
  const grouped = groupResultsDiff(diff);
  const rendered = renderResultsDiff(grouped, format);
  if (grouped.changes.length === diff.changes.length) return rendered;
  const note = `${diff.changes.length} changes in ${grouped.changes.length} entries, grouped by clause across services; ${options.allHint ?? '--all'} lists each`;
  return `${rendered}${format === 'markdown' ? `\n_${note}._\n` : `${note}\n`}`;
}

/**
 * What `run --baseline` prints instead of the matrix: which run this is, only what changed since
 * the baseline (grouped), and the run's counts and verdict. The full matrix is in matrix.md.
 */
export function renderChangesSinceBaseline(results: RunResults, diff: ResultsDiff): string {
  const header = `${results.tool.name} ${results.tool.version}, target ${scrubText(describeTarget(results))}, started ${results.startedAt}: what changed since the baseline (the full matrix is in matrix.md)`;
  return [
    header,
    '',
    renderGroupedResultsDiff(diff, 'text', { allHint: 'lro-conformance diff --all' }).trimEnd(),
    '',
    `${countsLine(results)}. ${verdictSentence(results)}`,
    '',
  ].join('\n');
}
