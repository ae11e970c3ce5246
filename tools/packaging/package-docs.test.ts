/**
 * The docs of the package's surfaces show the example files the tests run, word for word:
 * docs/MSW-TARGET.md the handlers modules, docs/API.md the vitest file, docs/ACTION.md and the
 * README the workflow, whose `uses:` step passes only inputs action.yml declares.
 */
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('the docs show the examples the tests run', () => {
  it.each([
    ['docs/MSW-TARGET.md', 'docs/examples/msw-handlers.js', 'js'],
    ['docs/MSW-TARGET.md', 'docs/examples/msw-reference-handlers.js', 'js'],
    ['docs/API.md', 'docs/examples/conformance.test.js', 'js'],
    ['docs/ACTION.md', 'docs/examples/conformance-action.yml', 'yaml'],
    ['README.md', 'docs/examples/conformance-action.yml', 'yaml'],
  ])('%s shows %s verbatim', (page, example, language) => {
    expect(read(page)).toContain(`\`\`\`${language}\n${read(example)}\`\`\``);
  });

  it('notices an example that differs from its file', () => {
    const edited = read('docs/MSW-TARGET.md').replace('error: { code: 1,', 'error: { code: 2,');
    expect(edited).not.toContain(`\`\`\`js\n${read('docs/examples/msw-handlers.js')}\`\`\``);
  });

  it("the workflow's lro-conformance step passes only inputs action.yml declares", () => {
    interface Step {
      readonly id?: string;
      readonly uses?: string;
      readonly with?: Record<string, unknown>;
    }
    const workflow = load(read('docs/examples/conformance-action.yml')) as {
      jobs: Record<string, { steps: Step[] }>;
    };
    const action = load(read('action.yml')) as { inputs: Record<string, unknown> };
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    const ours = steps.filter((step) => step.uses?.startsWith('lro-conformance/lro-conformance@'));
    expect(ours).toHaveLength(1);
    for (const input of Object.keys(ours[0]?.with ?? {})) {
      expect(Object.keys(action.inputs)).toContain(input);
    }
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    // The report directory to upload is the Action's own output.
    expect(upload?.with?.path).toBe(`\${{ steps.${ours[0]?.id}.outputs.report-dir }}`);
  });
});
