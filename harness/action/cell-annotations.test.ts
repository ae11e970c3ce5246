/**
 * The annotations the runner shows on a failing run: one workflow command line each, plain text
 * (control characters of a target's message as U+FFFD), naming the finding in one line, the
 * clause's sentence and the command that reruns the cell.
 */
import { describe, expect, it } from 'vitest';
import { failingRun } from '../../reports/fixtures/failing-run.ts';
import { hostileRun } from '../../reports/fixtures/hostile-run.ts';
import { cellAnnotations } from './cell-annotations.ts';

/** A workflow command's message, decoded as the runner decodes it. */
function messageOf(line: string): string {
  return (line.split('::')[2] ?? '')
    .replaceAll('%0A', '\n')
    .replaceAll('%0D', '\r')
    .replaceAll('%25', '%');
}

describe('cellAnnotations', () => {
  it('names the finding, the clause it breaks and how to reproduce it', () => {
    const lines = cellAnnotations(failingRun(), 'lro-report/results.json');
    const dai = lines.find((line) =>
      line.startsWith('::error title=FAIL dai cancel/cancelled-operation-has-error-code-1 (MUST)'),
    );
    expect(messageOf(dai ?? '').split('\n')).toEqual([
      'cancelled operation projects/p/locations/l/operations/op-2 has error {"code":2}, expected error.code 1 (CANCELLED) on dai',
      'The clause: “it becomes an operation with an Operation.error value with a google.rpc.Status.code of 1, corresponding to Code.CANCELLED.”',
      'Reproduce: npx lro-conformance run --target http://127.0.0.1:5555 --service dai --clause cancel/cancelled-operation-has-error-code-1',
    ]);
  });

  it('keeps each annotation one line of plain text, whatever the target sent', () => {
    const lines = cellAnnotations(hostileRun(), 'lro-report/results.json');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toMatch(/^::(error|warning) /);
      expect(line).not.toMatch(/[^\P{Cc}\t]/u);
    }
    expect(messageOf(lines[0] ?? '')).toContain('\uFFFD[31mred');
  });
});
