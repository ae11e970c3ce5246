import { describe, expect, it } from 'vitest';
import { BASE_URL, failingRun } from './fixtures/failing-run.ts';
import { sampleResults } from './fixtures/sample-results.ts';
import { groupCoverage, groupFindings, messageSignature } from './group-findings.ts';
import type { CellResult } from './results-model.ts';

const CONTEXT = { service: 'checks', baseUrls: [BASE_URL] };

describe('messageSignature', () => {
  it.for<[string, string, string]>([
    [
      'an operation name and a number',
      'operation projects/p/locations/l/operations/op-7 has error.code 2',
      'operation <operation> has error.code <n>',
    ],
    [
      "the target's base URL and the service id",
      `request to ${BASE_URL}/v1/x failed on checks`,
      'request to <base>/v1/x failed on <service>',
    ],
    [
      'a UUID and a long hex id',
      'id 123e4567-e89b-12d3-a456-426614174000 and 0123456789abcdef0',
      'id <id> and <id>',
    ],
    [
      'any other URL origin',
      'GET https://checks.googleapis.com/v1alpha/x',
      'GET <origin>/v1alpha/x',
    ],
    ['a version segment, which is kept', 'path /v1alpha/ and v1', 'path /v1alpha/ and v1'],
  ])('replaces %s', ([, message, signature]) => {
    expect(messageSignature(message, CONTEXT)).toBe(signature);
  });

  it('leaves a service id inside a longer word alone', () => {
    expect(messageSignature('checksum failed', CONTEXT)).toBe('checksum failed');
  });
});

describe('groupFindings', () => {
  const groups = groupFindings(failingRun());

  it('groups FAIL, then ERROR, then INCONCLUSIVE cells, MUST before SHOULD', () => {
    expect(groups.map((g) => [g.outcome, g.cells.length, g.representative.strength])).toEqual([
      ['FAIL', 3, 'MUST'],
      ['FAIL', 2, 'SHOULD'],
      ['ERROR', 1, 'MUST'],
      ['INCONCLUSIVE', 1, 'SHOULD'],
    ]);
  });

  it('puts cells whose messages differ only in names, numbers and service into one group', () => {
    const [first] = groups;
    expect(first?.services).toEqual(['checks', 'dai', 'datafusion']);
    expect(first?.clauses).toEqual(['cancel/cancelled-operation-has-error-code-1']);
    expect(first?.representative.service).toBe('checks');
  });

  it("groups by the harness's rootCause key even when the messages differ", () => {
    const second = groups[1];
    expect(second?.key).toBe('FAIL\ncause\ndone-operation-changed');
    expect(second?.cells.map((cell) => cell.message)).toEqual([
      'the completed operation changed after cancel',
      'cancel rewrote the result of a done operation',
    ]);
  });

  it('keeps different messages apart, and never groups different outcomes', () => {
    const cells: CellResult[] = [
      { service: 'checks', clause: 'a', outcome: 'FAIL', strength: 'MUST', message: 'x is 1' },
      { service: 'checks', clause: 'b', outcome: 'FAIL', strength: 'MUST', message: 'y is 1' },
      { service: 'checks', clause: 'c', outcome: 'ERROR', strength: 'MUST', message: 'x is 1' },
    ];
    expect(groupFindings(sampleResults(cells)).map((g) => g.cells.length)).toEqual([1, 1, 1]);
  });

  it('picks the strongest cell as representative, and lists coverage per clause', () => {
    const cells: CellResult[] = [
      { service: 'checks', clause: 'a', outcome: 'FAIL', strength: 'SHOULD', message: 'bad 1' },
      { service: 'datafusion', clause: 'b', outcome: 'FAIL', strength: 'MUST', message: 'bad 2' },
      { service: 'adsdatahub', clause: 'b', outcome: 'FAIL', strength: 'MUST', message: 'bad 3' },
    ];
    const [group] = groupFindings(sampleResults(cells));
    expect(group?.representative.clause).toBe('b');
    expect(group && groupCoverage(group)).toEqual([
      { clause: 'a', strength: 'SHOULD', services: ['checks'] },
      { clause: 'b', strength: 'MUST', services: ['adsdatahub', 'datafusion'] },
    ]);
  });

  it('does not group cells without a message across clauses', () => {
    const cells: CellResult[] = [
      { service: 'checks', clause: 'a', outcome: 'FAIL', strength: 'MUST' },
      { service: 'datafusion', clause: 'a', outcome: 'FAIL', strength: 'MUST' },
      { service: 'checks', clause: 'b', outcome: 'FAIL', strength: 'MUST' },
    ];
    expect(groupFindings(sampleResults(cells)).map((g) => g.cells.length)).toEqual([2, 1]);
  });

  it('has no group for a run without failures', () => {
    const cells: CellResult[] = [
      { service: 'checks', clause: 'a', outcome: 'PASS', strength: 'MUST' },
    ];
    expect(groupFindings(sampleResults(cells))).toEqual([]);
  });
});
