import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { failingRun, LEAKED_TOKEN } from './fixtures/failing-run.ts';
import {
  CLAUSES,
  FAILING_EXCHANGE,
  SECRET_TOKEN,
  SERVICES,
  sampleResults,
} from './fixtures/sample-results.ts';
import { MATRIX_COLUMNS_MAX, renderMatrixText } from './render-matrix.ts';
import { renderMatrixMarkdown } from './render-matrix-markdown.ts';
import type { CellResult } from './results-model.ts';
import { REDACTED } from './scrub.ts';

const ESC = '\u001b[';

function rowOf(text: string, clauseId: string): string[] {
  const row = text.split('\n').find((line) => line.startsWith(`${clauseId} `));
  return row?.trim().split(/\s+/) ?? [];
}

/** The sample with its FAIL expected by an expectations file, and its INCONCLUSIVE expected to FAIL. */
function withExpectations() {
  const run = sampleResults();
  const results = run.results.map((cell): CellResult => {
    if (cell.outcome === 'FAIL') {
      return { ...cell, expectation: { outcome: 'FAIL', reason: 'known', status: 'met' } };
    }
    if (cell.outcome === 'INCONCLUSIVE') {
      return { ...cell, expectation: { outcome: 'FAIL', reason: 'known', status: 'differs' } };
    }
    return cell;
  });
  return { ...run, results };
}

describe('renderMatrixText', () => {
  const text = renderMatrixText(sampleResults());

  it('turns to one line of outcome counts per service past MATRIX_COLUMNS_MAX services', () => {
    const sample = sampleResults();
    const services = Array.from({ length: MATRIX_COLUMNS_MAX + 1 }, (_, i) => `api${i}`);
    const results: CellResult[] = services.flatMap((service, i) =>
      sample.results.slice(0, 2).map((cell) => ({
        ...cell,
        service,
        outcome: i === 0 ? 'SKIPPED' : 'PASS',
      })),
    );
    const wide = renderMatrixText({ ...sample, services, results });
    const lines = wide.split('\n');
    const header = lines.find((line) => line.startsWith('service'));
    expect(header?.split(/\s+/)).toEqual([
      'service',
      'PASS',
      'FAIL',
      'N/A',
      'INCONC',
      'ERROR',
      'SKIP',
    ]);
    expect(lines.find((line) => line.startsWith('api0 '))?.split(/\s+/)).toEqual([
      'api0',
      '-',
      '-',
      '-',
      '-',
      '-',
      '2',
    ]);
    expect(lines.find((line) => line.startsWith('api1 '))?.split(/\s+/)).toEqual([
      'api1',
      '2',
      '-',
      '-',
      '-',
      '-',
      '-',
    ]);
    expect(lines.some((line) => line.startsWith('clause'))).toBe(false);
  });

  it('has a row per clause with its strength and a column per service', () => {
    const header = text.split('\n').find((line) => line.startsWith('clause'));
    expect(header?.split(/\s+/)).toEqual(['clause', 'strength', ...SERVICES]);
    expect(rowOf(text, CLAUSES[0]?.id ?? '')).toEqual([
      CLAUSES[0]?.id,
      'MUST',
      'PASS',
      'FAIL',
      'ERROR',
    ]);
    expect(rowOf(text, CLAUSES[1]?.id ?? '')).toEqual([
      CLAUSES[1]?.id,
      'SHOULD',
      'INCONC',
      'PASS',
      '-',
    ]);
    expect(rowOf(text, CLAUSES[2]?.id ?? '')).toEqual([
      CLAUSES[2]?.id,
      'observed',
      '-',
      '-',
      'N/A',
    ]);
  });

  it('marks the cells an expectations file covers, with a legend', () => {
    const text = renderMatrixText(withExpectations());
    expect(rowOf(text, CLAUSES[0]?.id ?? '')).toEqual([
      CLAUSES[0]?.id,
      'MUST',
      'PASS',
      'FAIL*',
      'ERROR',
    ]);
    expect(rowOf(text, CLAUSES[1]?.id ?? '')).toEqual([
      CLAUSES[1]?.id,
      'SHOULD',
      'INCONC!',
      'PASS',
      '-',
    ]);
    expect(text).toContain('* the outcome the expectations file records: not scored\n');
    expect(text).toContain('! the expectations file records another outcome, or its entry expired');
    expect(renderMatrixText(sampleResults())).not.toContain('expectations file');
  });

  it('shows SKIP for a skipped cell', () => {
    const skipped: CellResult = {
      service: 'checks',
      clause: CLAUSES[2]?.id ?? '',
      outcome: 'SKIPPED',
      strength: 'observed',
    };
    expect(rowOf(renderMatrixText(sampleResults([skipped])), skipped.clause)).toContain('SKIP');
  });

  it('lists every FAIL, ERROR and INCONCLUSIVE cell with its message and where it happened', () => {
    const section = text.slice(text.indexOf('Failures and undecided cells (3 cells, 3 causes)'));
    expect(section).toContain(
      'FAIL    1 cell · expected error.code 1, got 2\n    cancel/cancelled-operation-has-error-code-1 (MUST): checks\n',
    );
    expect(section).toContain(
      'ERROR   1 cell · HarnessError: no handler for GET /v1/projects/p\n    cancel/cancelled-operation-has-error-code-1 (MUST): datafusion\n',
    );
    expect(section).toContain(
      'INCONC  1 cell · the operation finished before cancel\n    cancel/empty-body-is-accepted (SHOULD): adsdatahub\n',
    );
  });

  it("quotes each failing clause's sentence and gives the command that reruns it", () => {
    const section = text.slice(text.indexOf('Failures and undecided cells'));
    expect(section).toContain(
      `    cancel/cancelled-operation-has-error-code-1 (MUST): checks\n      “${CLAUSES[0]?.quote}”\n      reproduce: npx lro-conformance run --service checks --clause cancel/cancelled-operation-has-error-code-1\n`,
    );
  });

  it('puts the failures last, right above the verdict, after the matrix and the warnings', () => {
    const at = (needle: string) => text.indexOf(needle);
    expect(at('clause ')).toBeLessThan(at('Warnings (1)'));
    expect(at('Warnings (1)')).toBeLessThan(at('Failures and undecided cells'));
  });

  it('gives one block to failures with one cause, naming every service and clause it covers', () => {
    const text = renderMatrixText(failingRun());
    expect(text).toContain('Failures and undecided cells (7 cells, 4 causes)');
    const blocks = text.split('\n\n').filter((block) => /^(FAIL|ERROR|INCONC) /.test(block));
    expect(blocks.map((block) => block.split('\n')[1])).toEqual([
      '    cancel/cancelled-operation-has-error-code-1 (MUST): checks, dai, datafusion',
      '    cancel/completed-operation-is-unchanged-by-cancel (SHOULD): checks, dai',
      '    cancel/success-body-is-empty (MUST): checks',
      '    cancel/completed-operation-is-unchanged-by-cancel (SHOULD): adsdatahub',
    ]);
    expect(blocks[0]).toContain(
      "    request it rests on (checks · cancel/cancelled-operation-has-error-code-1):\n      curl 'http://127.0.0.1:5555/v1/projects/p/locations/l/operations/op-1'",
    );
    expect(text.match(/op-\d/g)).toEqual(['op-1', 'op-1']);
  });

  it('shows control characters of a message as U+FFFD, so a target cannot drive the terminal', () => {
    const cell: CellResult = {
      service: 'checks',
      clause: CLAUSES[0]?.id ?? '',
      outcome: 'FAIL',
      strength: 'MUST',
      message: 'red \u001b[31m text\nsecond \u0007 line',
    };
    const text = renderMatrixText(sampleResults([cell]));
    expect(text).toContain('FAIL    1 cell · red \uFFFD[31m text\n');
    expect(text).toContain('\n      second \uFFFD line');
    expect(text).not.toContain('\u001b');
  });

  it('offers no curl line for a target that answered in-process: its host is no one can reach', () => {
    expect(text).not.toContain('curl ');
    expect(text).toContain('reproduce: npx lro-conformance run --service checks');
  });

  it('shows the curl line of the last exchange for a target over HTTP, with the credentials scrubbed', () => {
    const overHttp = renderMatrixText({
      ...sampleResults(),
      target: { kind: 'url', baseUrl: 'https://checks.googleapis.com' },
    });
    expect(overHttp).toContain(
      `curl -X POST 'https://checks.googleapis.com/v1alpha/accounts/1/apps/2/operations/3:cancel' -H 'Authorization: ${REDACTED}' -d '{}'`,
    );
    expect(overHttp).not.toContain(SECRET_TOKEN);
  });

  it('ends with the counts and the verdict', () => {
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      '2 PASS, 1 FAIL, 1 N/A, 1 INCONC, 1 ERROR, 0 SKIP. NOT conformant: 1 MUST cell fails (1 MUST cell ERROR or INCONCLUSIVE, not verified)',
    );
  });

  it('says conformant when no MUST cell fails, and lists no failures section', () => {
    const passing = renderMatrixText(
      sampleResults([{ service: 'checks', clause: 'c', outcome: 'PASS', strength: 'MUST' }]),
    );
    expect(passing).toContain('. conformant: every applicable MUST cell passed\n');
    expect(passing).not.toContain('Failures');
  });

  it('lists warnings of cells that did not fail', () => {
    expect(text).toContain('Warnings (1)');
    expect(text).toContain('warning: the response took 2 polls to settle');
  });

  it('colours only when asked, without shifting the columns', () => {
    expect(text).not.toContain(ESC);
    const coloured = renderMatrixText(sampleResults(), { color: true });
    expect(coloured).toContain(`${ESC}31mFAIL${ESC}0m`);
    expect(stripVTControlCharacters(coloured)).toBe(text);
  });
});

describe('renderMatrixMarkdown', () => {
  const markdown = renderMatrixMarkdown(sampleResults());

  it('has a table row per clause and a column per service', () => {
    expect(markdown).toContain(`| Clause | Strength | ${SERVICES.join(' | ')} |`);
    expect(markdown).toContain(
      '| `cancel/cancelled-operation-has-error-code-1` | MUST | PASS | **FAIL** | **ERROR** |',
    );
    expect(markdown).toContain('| `get/unknown-field-is-rejected` | observed | - | - | N/A |');
  });

  it('details a failing cell with the clause quote and its exchanges as request and response blocks', () => {
    const details = markdown.slice(
      markdown.indexOf('### 1. FAIL · 1 cell · expected error.code 1, got 2'),
    );
    expect(details).toContain(
      '**A cancelled operation has error code 1** · `cancel/cancelled-operation-has-error-code-1` · MUST · checks\n',
    );
    expect(details).toContain(`> ${CLAUSES[0]?.quote}`);
    expect(details).toContain(
      'Reproduce on checks:\n\n```sh\nnpx lro-conformance run --service checks --clause cancel/cancelled-operation-has-error-code-1\n```',
    );
    expect(details).toContain(
      '```http\nPOST https://checks.googleapis.com/v1alpha/accounts/1/apps/2/operations/3:cancel?access_token=[REDACTED]\n',
    );
    expect(details).toContain(
      `Authorization: ${REDACTED}\ncontent-type: application/json\n\n{}\n\`\`\``,
    );
    expect(details).toContain(
      '```http\nHTTP 200\ncontent-type: application/json\n\n{"done":true}\n```',
    );
    // The embedded reference answered in-process: no curl line to a host no one can reach.
    expect(details).not.toContain('curl ');
  });

  it('never prints a credential', () => {
    expect(markdown).not.toContain(SECRET_TOKEN);
  });

  it('escapes pipes in cells and keeps fences unbroken by backticks in bodies', () => {
    const body = 'a ``` b';
    const cell: CellResult = {
      service: 'checks',
      clause: CLAUSES[0]?.id ?? '',
      outcome: 'FAIL',
      strength: 'MUST',
      evidence: [{ ...FAILING_EXCHANGE, request: { ...FAILING_EXCHANGE.request, body } }],
    };
    const target = { kind: 'url' as const, baseUrl: 'http://127.0.0.1:1/a|b' };
    const md = renderMatrixMarkdown({ ...sampleResults([cell]), target });
    expect(md).toContain('````http\nPOST');
    expect(md).toContain(`\n\n${body}\n\`\`\`\``);
    expect(md).toContain('- Target: url http://127.0.0.1:1/a\\|b');
  });

  it('gives one section to failures with one cause, with the evidence of one cell', () => {
    const md = renderMatrixMarkdown(failingRun());
    expect(md).toContain('## Failures and undecided cells, grouped by cause (4)');
    const section = md.slice(md.indexOf('### 1. FAIL · 3 cells · cancelled operation'));
    expect(section).toContain(
      '· `cancel/cancelled-operation-has-error-code-1` · MUST · checks, dai, datafusion\n',
    );
    expect(section).toContain(
      '<details><summary>Message and 2 exchanges of checks · cancel/cancelled-operation-has-error-code-1</summary>',
    );
    expect(section).toContain(
      "The request it rests on (checks · `cancel/cancelled-operation-has-error-code-1`):\n\n```sh\ncurl 'http://127.0.0.1:5555/v1/projects/p/locations/l/operations/op-1'\n```",
    );
    expect(md.match(/### /g)).toHaveLength(4);
    expect(md).not.toContain(LEAKED_TOKEN);
  });

  it('says when the run was interrupted and lists what kept suites from running', () => {
    const md = renderMatrixMarkdown(
      failingRun({ interrupted: true, problems: ['suites/x.test.ts: cannot load'] }),
    );
    expect(md).toContain('**Interrupted:** the run was stopped before every cell finished.');
    expect(md).toContain('## Problems\n\n- suites/x.test.ts: cannot load');
    expect(md).toContain('- Verdict: **interrupted');
  });

  it('marks the cells an expectations file covers, with a legend', () => {
    const md = renderMatrixMarkdown(withExpectations());
    expect(md).toContain(
      '| `cancel/cancelled-operation-has-error-code-1` | MUST | PASS | **FAIL\\*** | **ERROR** |',
    );
    expect(md).toContain('| `cancel/empty-body-is-accepted` | SHOULD | INCONC! | PASS | - |');
    expect(md).toContain('\\* the outcome the expectations file records: not scored  \n!');
  });

  it('states the verdict', () => {
    expect(markdown).toContain('- Verdict: **NOT conformant: 1 MUST cell fails');
  });
});
