import { describe, expect, it } from 'vitest';
import { FAILING_CELLS, failingRun, INJECTION, LEAKED_TOKEN } from './fixtures/failing-run.ts';
import { CELLS, sampleResults } from './fixtures/sample-results.ts';
import { childNamed, elementsNamed, parseXml, type XmlNode } from './fixtures/xml-tree.ts';
import { renderJunit } from './render-junit.ts';
import type { CellResult, FailOn } from './results-model.ts';
import { cellCounts, judgeResults } from './verdict.ts';

function propertiesOf(testCase: XmlNode): Record<string, string> {
  const properties = childNamed(testCase, 'properties');
  return Object.fromEntries(
    (properties?.children ?? []).map((p) => [p.attributes.name ?? '', p.attributes.value ?? '']),
  );
}

function caseOf(root: XmlNode, service: string, clause: string): XmlNode {
  const found = elementsNamed(root, 'testcase').find((testCase) => {
    const props = propertiesOf(testCase);
    return props.service === service && props.clause === clause;
  });
  if (found === undefined) throw new Error(`no testcase for ${service} ${clause}`);
  return found;
}

const CANCELLED = 'cancel/cancelled-operation-has-error-code-1';
const UNCHANGED = 'cancel/completed-operation-is-unchanged-by-cancel';

describe('renderJunit', () => {
  const xml = renderJunit(failingRun());
  const root = parseXml(xml);

  it('is well-formed XML 1.0 for a strict parser, even with forbidden characters in a message', () => {
    expect(() => parseXml('<a>\u0001</a>')).toThrow(/disallowed character/);
    expect(() => parseXml('<a>x & y</a>')).toThrow();
    expect(root.name).toBe('testsuites');
    const error = childNamed(caseOf(root, 'checks', 'cancel/success-body-is-empty'), 'error');
    expect(error?.text).toContain(`${INJECTION} bad \uFFFD char \uFFFD and ]]> end`);
  });

  it('has one testsuite per clause and one testcase per cell, classname the clause id', () => {
    const suites = elementsNamed(root, 'testsuite');
    expect(suites.map((s) => s.attributes.name)).toEqual([
      CANCELLED,
      UNCHANGED,
      'cancel/success-body-is-empty',
      'cancel/unknown-body-field-is-rejected',
    ]);
    const cases = elementsNamed(root, 'testcase');
    expect(cases).toHaveLength(FAILING_CELLS.length);
    const checks = caseOf(root, 'checks', CANCELLED);
    expect(checks.attributes).toMatchObject({
      classname: CANCELLED,
      name: 'checks: A cancelled operation is done with error.code 1 (CANCELLED) and no response',
      time: '0.021',
    });
    expect(propertiesOf(checks)).toEqual({
      clause: CANCELLED,
      service: 'checks',
      strength: 'MUST',
      outcome: 'FAIL',
    });
  });

  it('makes a scored FAIL a <failure> carrying the finding, every exchange and the curl line', () => {
    const failure = childNamed(caseOf(root, 'dai', CANCELLED), 'failure');
    expect(failure?.attributes.type).toBe('FAIL');
    expect(failure?.attributes.message).toBe(
      'FAIL (MUST): cancelled operation projects/p/locations/l/operations/op-2 has error {"code":2}, expected error.code 1 (CANCELLED) on dai',
    );
    const text = failure?.text ?? '';
    expect(text).toContain('Quote: it becomes an operation with an Operation.error value');
    expect(text).toContain(
      '--- exchange 1 of 2 ---\nPOST http://127.0.0.1:5555/v1/projects/p/locations/l/operations/op-2:cancel\nauthorization: [REDACTED]',
    );
    expect(text).toContain(
      'HTTP 200\ncontent-type: application/json\n\n{"name":"projects/p/locations/l/operations/op-2"',
    );
    expect(text).toContain(
      "curl 'http://127.0.0.1:5555/v1/projects/p/locations/l/operations/op-2'",
    );
  });

  it("leads a failure's text with the finding line, the clause's sentence and how to reproduce it", () => {
    const text = childNamed(caseOf(root, 'dai', CANCELLED), 'failure')?.text ?? '';
    expect(text.split('\n').slice(0, 5)).toEqual([
      `FAIL · dai · ${CANCELLED} (MUST): cancelled operation projects/p/locations/l/operations/op-2 has error {"code":2}, expected error.code 1 (CANCELLED) on dai`,
      'Clause: A cancelled operation is done with error.code 1 (CANCELLED) and no response',
      'Quote: it becomes an operation with an Operation.error value with a google.rpc.Status.code of 1, corresponding to Code.CANCELLED.',
      `Reproduce: npx lro-conformance run --target http://127.0.0.1:5555 --service dai --clause ${CANCELLED}`,
      "The request it rests on: curl 'http://127.0.0.1:5555/v1/projects/p/locations/l/operations/op-2'",
    ]);
  });

  it('names no host no one can reach: a target that answered in-process gets no curl line', () => {
    const inProcess = failingRun({
      target: {
        kind: 'embedded',
        reference: { cancelMode: 'honor', cancelDelayMs: 0, fault: 'f' },
      },
    });
    const text = childNamed(
      caseOf(parseXml(renderJunit(inProcess)), 'dai', CANCELLED),
      'failure',
    )?.text;
    expect(text).toContain(
      `Reproduce: npx lro-conformance run --target http://127.0.0.1:5555 --service dai`,
    );
    expect(text).not.toContain('curl ');
    expect(text).toContain('--- exchange 2 of 2 ---');
  });

  it('makes a scored ERROR an <error>', () => {
    const testCase = caseOf(root, 'checks', 'cancel/success-body-is-empty');
    expect(childNamed(testCase, 'error')?.attributes.type).toBe('ERROR');
    expect(childNamed(testCase, 'failure')).toBeUndefined();
  });

  it('makes N/A, SKIPPED and unscored cells <skipped> with their reason', () => {
    const reason = (service: string, clause: string) =>
      childNamed(caseOf(root, service, clause), 'skipped')?.attributes.message;
    expect(reason('admanager', CANCELLED)).toBe(
      'NOT_APPLICABLE: cancel answered 501 UNIMPLEMENTED: the service does not support cancel',
    );
    expect(reason('admanager', UNCHANGED)).toBe(
      'SKIPPED: needs operations made through the control endpoint (--control)',
    );
    expect(reason('adsdatahub', UNCHANGED)).toBe(
      'INCONCLUSIVE, not scored for a SHOULD clause (default policy): the operation was still running at the deadline (30000 ms)',
    );
    expect(reason('checks', UNCHANGED)).toBe(
      'FAIL, not scored for a SHOULD clause (default policy): the completed operation changed after cancel',
    );
    expect(childNamed(caseOf(root, 'checks', UNCHANGED), 'skipped')?.text).toContain(
      'curl -X POST',
    );
    expect(caseOf(root, 'adsdatahub', CANCELLED).children.map((c) => c.name)).toEqual([
      'properties',
    ]);
  });

  it.for<[string, FailOn[]]>([
    ['the default policy', []],
    ['--fail-on should', ['should']],
    ['--fail-on error,inconclusive', ['error', 'inconclusive']],
  ])('fails exactly the cells the exit policy scores, under %s', ([, failOn]) => {
    const results = failingRun({ settings: { deadlineMs: 30_000, settleMs: 0, failOn } });
    const parsed = parseXml(renderJunit(results));
    for (const cell of results.results) {
      const testCase = caseOf(parsed, cell.service, cell.clause);
      const failed = testCase.children.some((c) => c.name === 'failure' || c.name === 'error');
      expect(failed, `${cell.service} ${cell.clause}`).toBe(cellCounts(cell, { failOn }));
    }
    const judged = judgeResults(results);
    expect(Number(parsed.attributes.failures) + Number(parsed.attributes.errors)).toBe(
      judged.failing.length + judged.errors.length + judged.unverified.length,
    );
  });

  it('counts tests, failures, errors and skips on every suite and on the whole run', () => {
    expect(root.attributes).toMatchObject({
      tests: '13',
      failures: '3',
      errors: '1',
      skipped: '6',
      time: '4.321',
      timestamp: '2026-11-23T18:00:00.000',
    });
    const cancelled = elementsNamed(root, 'testsuite')[0];
    expect(cancelled?.attributes).toMatchObject({
      tests: '5',
      failures: '3',
      errors: '0',
      skipped: '1',
    });
  });

  it('skips a cell an expectations file records, with the expectation', () => {
    const cells: CellResult[] = FAILING_CELLS.map((cell) =>
      cell.service === 'checks' && cell.clause === CANCELLED
        ? {
            ...cell,
            expectation: {
              outcome: 'FAIL',
              reason: 'known bug',
              link: 'https://example.test/b/1',
              status: 'met',
            },
          }
        : cell,
    );
    const parsed = parseXml(renderJunit(failingRun({ cells })));
    const skipped = childNamed(caseOf(parsed, 'checks', CANCELLED), 'skipped');
    expect(skipped?.attributes.message).toMatch(
      /^FAIL as expected: known bug \(https:\/\/example.test\/b\/1\): cancelled operation/,
    );
  });

  it('says when an expectations file records another outcome, or its entry expired', () => {
    const expectation = (status: 'unexpected-pass' | 'expired') => ({
      outcome: 'FAIL' as const,
      reason: 'known bug',
      expires: '2026-01-01',
      status,
    });
    const cells: CellResult[] = FAILING_CELLS.map((cell) => {
      if (cell.service === 'dai' && cell.clause === CANCELLED) {
        return { ...cell, expectation: expectation('expired') };
      }
      if (cell.service === 'adsdatahub' && cell.clause === CANCELLED) {
        return { ...cell, expectation: expectation('unexpected-pass') };
      }
      return cell;
    });
    const parsed = parseXml(renderJunit(failingRun({ cells })));
    expect(childNamed(caseOf(parsed, 'dai', CANCELLED), 'failure')?.attributes.message).toMatch(
      /\[Expectations file: records FAIL, expires 2026-01-01 \(expired\): known bug\]$/,
    );
    expect(childNamed(caseOf(parsed, 'adsdatahub', CANCELLED), 'system-out')?.text).toBe(
      'Expectations file: records FAIL, expires 2026-01-01 (unexpected-pass): known bug',
    );
  });

  it('reports an interrupted run and suites that could not load as errors of the run', () => {
    const parsed = parseXml(
      renderJunit(failingRun({ interrupted: true, problems: ['suites/x.test.ts: cannot load'] })),
    );
    const run = elementsNamed(parsed, 'testsuite').find(
      (s) => s.attributes.name === 'lro-conformance run',
    );
    expect(run?.children.map((c) => childNamed(c, 'error')?.attributes.message)).toEqual([
      'interrupted: the run was stopped before every cell finished',
      'suites/x.test.ts: cannot load',
    ]);
    expect(
      elementsNamed(root, 'testsuite').some((s) => s.attributes.name === 'lro-conformance run'),
    ).toBe(false);
  });

  it('never writes a credential', () => {
    expect(xml).not.toContain(LEAKED_TOKEN);
  });

  // A run whose MUST cells were all SKIPPED (no control endpoint) verified nothing: CI that
  // reads only junit.xml must not see it all green, and exits 4 with the CLI.
  it('reports a run that passed no scored cell as an error of the run', () => {
    const probesOnly = sampleResults(
      CELLS.map((cell) => (cell.strength === 'MUST' ? { ...cell, outcome: 'SKIPPED' } : cell)),
    );
    expect(probesOnly.summary.verdict).toBe('not-verified');
    const xml = renderJunit(probesOnly);
    expect(xml).toContain('name="a scored cell passed"');
    expect(xml).toContain('not verified: no MUST cell passed');
    const verified = sampleResults(CELLS.filter((cell) => cell.outcome !== 'FAIL'));
    expect(renderJunit(verified)).not.toContain('a scored cell passed');
  });
});
