/**
 * junit.xml: the run as JUnit XML for CI systems (the de facto format of Ant and Maven Surefire;
 * element and attribute names as Jenkins' junit-10 schema reads them). One `<testsuite>` per
 * clause and one `<testcase>` per cell (classname = clause id, so CI views group by clause; name
 * = service and clause title), with the clause, service, strength and outcome as properties.
 * What counts as a failure is THE exit policy (verdict.ts `cellCounts`): a scored FAIL or
 * INCONCLUSIVE is `<failure>`, a scored ERROR `<error>`. Its message is the finding in one line
 * (what was expected, what came back: finding-line.ts); its text leads the same way as every
 * report (finding-view.ts): that line, the clause's sentence, the command that reruns the cell
 * and, for a target over HTTP, the curl line, then the whole message and every exchange.
 * Everything else that did not pass is `<skipped>` with its reason. A cell an expectations file
 * covers says so: `<skipped>` as expected, or, when the file records another outcome or its
 * entry expired, a note in the failure or in the passing case's `<system-out>`.
 */
import { exchangesText } from './exchange-text.ts';
import { cellFindingLine } from './finding-view.ts';
import { OUTCOME_WORDS, verdictSentence } from './matrix-view.ts';
import { reachableOverHttp, reproductionCurl, rerunCommand } from './reproduction.ts';
import type { CellResult, ClauseInfo, RunResults } from './results-model.ts';
import { scrubText } from './scrub.ts';
import { cellCounts, judgeResults, type VerdictPolicy } from './verdict.ts';
import { xmlElement, xmlText } from './xml.ts';

const RUN_SUITE = 'lro-conformance run';

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  seconds: number;
}

interface RenderedCase {
  readonly xml: string;
  readonly kind: 'passed' | 'failure' | 'error' | 'skipped';
  readonly seconds: number;
}

function seconds(ms: number | undefined): number {
  return (ms ?? 0) / 1000;
}

function time(value: number): string {
  return value.toFixed(3);
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

function properties(entries: Readonly<Record<string, string | undefined>>): string {
  const items = Object.entries(entries)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => xmlElement('property', { name, value }));
  return xmlElement('properties', {}, items.join(''));
}

/** What an expectations file says of a cell whose expectation is not met, if any. */
function expectationNote(cell: CellResult): string | undefined {
  const { expectation } = cell;
  if (expectation === undefined || expectation.status === 'met') return undefined;
  const expired = expectation.expires === undefined ? '' : `, expires ${expectation.expires}`;
  return `Expectations file: records ${expectation.outcome}${expired} (${expectation.status}): ${expectation.reason}`;
}

/**
 * The finding as people read it: the line, the clause's sentence, how to reproduce it, then the
 * whole message and the HTTP evidence (curl lines only for a target over HTTP).
 */
function findingText(
  cell: CellResult,
  clause: ClauseInfo | undefined,
  results: RunResults,
): string {
  const rerun = rerunCommand(results, cell);
  const curl = reproductionCurl(results, cell);
  const note = expectationNote(cell);
  const line = cellFindingLine(cell);
  // The whole message, where the line had to shorten it (a list, a long body).
  const message = cell.message?.trim() === line ? undefined : cell.message;
  const lead = [
    `${cell.outcome} · ${cell.service} · ${cell.clause} (${cell.strength}): ${line}`,
    ...(clause === undefined ? [] : [`Clause: ${clause.title}`, `Quote: ${clause.quote}`]),
    ...(rerun === undefined ? [] : [`Reproduce: ${rerun}`]),
    ...(curl === undefined ? [] : [`The request it rests on: ${curl}`]),
    ...(note === undefined ? [] : [note]),
  ];
  const parts = [
    lead.join('\n'),
    ...(message === undefined ? [] : [`Message:\n${message}`]),
    ...(cell.warnings ?? []).map((warning) => `Warning: ${warning}`),
    ...(cell.evidence?.length
      ? [exchangesText(cell.evidence, reachableOverHttp(results.target))]
      : []),
  ];
  return scrubText(parts.join('\n\n'));
}

/** Why a cell that did not pass is not counted against the run. */
function skipReason(cell: CellResult, { failOn }: VerdictPolicy): string {
  const message = cell.message === undefined ? '' : `: ${firstLine(cell.message)}`;
  const { expectation } = cell;
  if (expectation?.status === 'met') {
    const link = expectation.link === undefined ? '' : ` (${expectation.link})`;
    return `${cell.outcome} as expected: ${expectation.reason}${link}${message}`;
  }
  switch (cell.outcome) {
    case 'NOT_APPLICABLE':
    case 'SKIPPED':
      return `${cell.outcome}${message}`;
    default: {
      const policy = failOn.length === 0 ? 'default policy' : `--fail-on ${failOn.join(',')}`;
      return `${cell.outcome}, not scored for a ${cell.strength} clause (${policy})${message}`;
    }
  }
}

function cellOutcomeElement(cell: CellResult, clause: ClauseInfo | undefined, results: RunResults) {
  const policy = results.settings;
  if (cell.outcome === 'PASS') {
    const note = expectationNote(cell);
    return {
      kind: 'passed' as const,
      xml: note === undefined ? '' : xmlElement('system-out', {}, xmlText(scrubText(note))),
    };
  }
  if (!cellCounts(cell, policy)) {
    const body =
      cell.outcome === 'FAIL' || cell.outcome === 'ERROR' || cell.outcome === 'INCONCLUSIVE'
        ? xmlText(findingText(cell, clause, results))
        : undefined;
    return {
      kind: 'skipped' as const,
      xml: xmlElement('skipped', { message: scrubText(skipReason(cell, policy)) }, body),
    };
  }
  const element = cell.outcome === 'ERROR' ? ('error' as const) : ('failure' as const);
  const note = expectationNote(cell);
  const message = `${OUTCOME_WORDS[cell.outcome]} (${cell.strength}): ${cellFindingLine(cell)}${note === undefined ? '' : ` [${note}]`}`;
  return {
    kind: element,
    xml: xmlElement(
      element,
      { message: scrubText(message), type: cell.outcome },
      xmlText(findingText(cell, clause, results)),
    ),
  };
}

function testCase(
  cell: CellResult,
  clause: ClauseInfo | undefined,
  results: RunResults,
): RenderedCase {
  const outcome = cellOutcomeElement(cell, clause, results);
  const props = properties({
    clause: cell.clause,
    service: cell.service,
    strength: cell.strength,
    outcome: cell.outcome,
    cancelSupport: cell.cancelSupport,
    expectation: cell.expectation?.status,
  });
  const name = clause === undefined ? cell.service : `${cell.service}: ${clause.title}`;
  const caseSeconds = seconds(cell.durationMs);
  return {
    kind: outcome.kind,
    seconds: caseSeconds,
    xml: xmlElement(
      'testcase',
      { classname: cell.clause, name, time: time(caseSeconds) },
      props + outcome.xml,
    ),
  };
}

function countsOf(cases: readonly RenderedCase[]): Counts {
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.kind === 'failure').length,
    errors: cases.filter((c) => c.kind === 'error').length,
    skipped: cases.filter((c) => c.kind === 'skipped').length,
    seconds: cases.reduce((sum, c) => sum + c.seconds, 0),
  };
}

function suite(name: string, cases: readonly RenderedCase[], timestamp: string): string {
  const counts = countsOf(cases);
  return xmlElement(
    'testsuite',
    {
      name,
      tests: counts.tests,
      failures: counts.failures,
      errors: counts.errors,
      skipped: counts.skipped,
      time: time(counts.seconds),
      timestamp: timestamp.replace(/Z$/, ''),
    },
    `\n${cases.map((c) => c.xml).join('\n')}\n`,
  );
}

/** An interrupted run and suites that could not load are errors of the run itself. */
function runCases(results: RunResults): RenderedCase[] {
  const cases: RenderedCase[] = [];
  const runError = (name: string, message: string): RenderedCase => ({
    kind: 'error',
    seconds: 0,
    xml: xmlElement(
      'testcase',
      { classname: RUN_SUITE, name, time: time(0) },
      xmlElement(
        'error',
        { message: scrubText(firstLine(message)), type: 'RUN' },
        xmlText(scrubText(message)),
      ),
    ),
  });
  if (results.interrupted) cases.push(runError('the run finished', verdictSentence(results)));
  // A run that passed no scored cell verified nothing: its CI view must not be all green.
  const judged = judgeResults(results);
  if (judged.verdict === 'not-verified' && judged.unverified.length === 0) {
    cases.push(runError('a scored cell passed', verdictSentence(results)));
  }
  (results.problems ?? []).forEach((problem, index) => {
    cases.push(runError(`problem ${index + 1}`, problem));
  });
  return cases;
}

export function renderJunit(results: RunResults): string {
  const clauses = new Map(results.clauses.map((clause) => [clause.id, clause]));
  const clauseIds = [
    ...new Set([...results.clauses.map((c) => c.id), ...results.results.map((c) => c.clause)]),
  ];
  const suites = clauseIds
    .map((id) => ({
      id,
      cases: results.results
        .filter((cell) => cell.clause === id)
        .map((cell) => testCase(cell, clauses.get(id), results)),
    }))
    .filter(({ cases }) => cases.length > 0)
    .map(({ id, cases }) => ({ xml: suite(id, cases, results.startedAt), cases }));
  const run = runCases(results);
  if (run.length > 0) suites.push({ xml: suite(RUN_SUITE, run, results.startedAt), cases: run });
  const all = countsOf(suites.flatMap((s) => s.cases));
  const root = xmlElement(
    'testsuites',
    {
      name: `${results.tool.name} ${results.tool.version}`,
      tests: all.tests,
      failures: all.failures,
      errors: all.errors,
      skipped: all.skipped,
      time: time(seconds(results.durationMs)),
      timestamp: results.startedAt.replace(/Z$/, ''),
    },
    `\n${suites.map((s) => s.xml).join('\n')}\n`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}
