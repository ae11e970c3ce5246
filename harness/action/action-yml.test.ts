/**
 * action.yml, the composite Action around `lro-conformance-action`: its inputs are exactly the
 * ones the step reads (action-inputs.ts: the option table's `actionInput` column), each says the
 * flag it becomes and reaches the step as its `INPUT_*` variable, the outputs
 * are the step's, and its shell step picks the lro-conformance to run (a version asked for,
 * through npx; else the installed one; else the action's own checkout, its production
 * dependencies installed once). The step's script runs here in bash, with stand-ins for the
 * installed command, npx, npm and node; tools/packaging/action-checkout.test.ts runs it for real.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { RUN_OPTIONS } from '../options/index.ts';
import { ACTION_INPUTS, ACTION_OPTION_ROWS, actionInputs, inputVariable } from './action-inputs.ts';

interface ActionYml {
  readonly inputs: Record<string, { readonly default?: string; readonly description: string }>;
  readonly outputs: Record<string, { readonly value: string }>;
  readonly runs: {
    readonly using: string;
    readonly steps: readonly {
      readonly id: string;
      readonly shell: string;
      readonly 'working-directory': string;
      readonly env: Record<string, string>;
      readonly run: string;
    }[];
  };
}

const action = load(
  readFileSync(fileURLToPath(new URL('../../action.yml', import.meta.url)), 'utf8'),
) as ActionYml;
const [step] = action.runs.steps;

/** An Actions expression as action.yml writes it: `${{ … }}`. */
const expression = (text: string) => `\${{ ${text} }}`;

const scratch = mkdtempSync(join(tmpdir(), 'lro-action-yml-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function executable(path: string, text: string): void {
  writeFileSync(path, text);
  chmodSync(path, 0o755);
}

/** `${{ inputs.x }}` as the runner would expand it. */
function expand(value: string, inputs: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, expression: string) => {
    const name = expression.replace(/^inputs\./, '');
    return inputs[name] ?? action.inputs[name]?.default ?? '';
  });
}

/** Runs the step's script in a fresh directory; stand-ins print what they were given. */
function runStepScript(options: {
  readonly inputs?: Record<string, string>;
  readonly installed?: boolean;
  /** The action's checkout already has its dependencies (a second use in the job). */
  readonly prepared?: boolean;
}): Promise<{ stdout: string; stderr: string }> {
  const dir = mkdtempSync(join(scratch, 'run-'));
  const bin = join(dir, 'stand-ins');
  const actionPath = join(dir, 'action');
  mkdirSync(bin);
  mkdirSync(actionPath);
  if (options.prepared) mkdirSync(join(actionPath, 'node_modules'));
  executable(join(bin, 'npx'), '#!/bin/sh\necho "npx $*"\n');
  executable(join(bin, 'npm'), '#!/bin/sh\necho "npm $* in $PWD"\nmkdir node_modules\n');
  executable(join(bin, 'node'), '#!/bin/sh\necho "node $*"\n');
  if (options.installed) {
    mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
    executable(
      join(dir, 'node_modules', '.bin', 'lro-conformance-action'),
      '#!/bin/sh\necho installed\nenv | grep "^INPUT_" | sort\n',
    );
  }
  const env: NodeJS.ProcessEnv = {
    PATH: [bin, process.env.PATH ?? ''].join(delimiter),
    GITHUB_ACTION_PATH: actionPath,
    // bash reads ~/.bashrc when its stdin is a socket, as Node's pipes are: keep the user's out.
    HOME: dir,
  };
  for (const [name, value] of Object.entries(step?.env ?? {})) {
    env[name] = expand(value, options.inputs ?? {});
  }
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      ['-e', '-c', step?.run ?? 'exit 9'],
      { cwd: dir, env },
      (error, stdout, stderr) =>
        error
          ? reject(error)
          : resolve({
              stdout: stdout.replaceAll(dir, '$RUN'),
              stderr: stderr.replaceAll(dir, '$RUN'),
            }),
    );
  });
}

interface ActionStep {
  readonly uses: string;
  readonly with?: Record<string, unknown>;
}

/** Every step in a parsed workflow (or fragment) that uses this action. */
function actionSteps(node: unknown): ActionStep[] {
  if (Array.isArray(node)) return node.flatMap(actionSteps);
  if (typeof node !== 'object' || node === null) return [];
  const step = node as Partial<ActionStep>;
  if (typeof step.uses === 'string' && step.uses.startsWith('lro-conformance/lro-conformance@')) {
    return [step as ActionStep];
  }
  return Object.values(node).flatMap(actionSteps);
}

describe('action.yml', () => {
  it('is a composite action of one bash step in the chosen working directory', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps).toHaveLength(1);
    expect(step).toMatchObject({
      id: 'run',
      shell: 'bash',
      'working-directory': expression('inputs.working-directory'),
    });
  });

  it('declares exactly the inputs the step reads, and hands each over as INPUT_*', () => {
    const declared = Object.keys(action.inputs);
    expect(
      declared.filter((name) => !['version', 'working-directory'].includes(name)).sort(),
    ).toEqual([...ACTION_INPUTS].sort());
    for (const name of ACTION_INPUTS) {
      expect(step?.env[inputVariable(name)]).toBe(expression(`inputs.${name}`));
    }
    expect(action.inputs['report-dir']?.default).toBe(RUN_OPTIONS.reportDir.default);
    expect(action.inputs.live?.default).toBe('false');
  });

  it('declares an input for every option table row with one, which says the flag it becomes', () => {
    expect(ACTION_OPTION_ROWS.length).toBeGreaterThan(10);
    for (const row of ACTION_OPTION_ROWS) {
      const declared = action.inputs[row.actionInput];
      expect(declared, `action.yml has no input ${row.actionInput}`).toBeDefined();
      expect(declared?.description).toMatch(new RegExp(`--${row.flag}(?![\\w-])`));
    }
  });

  it('turns each such input into its flag', () => {
    for (const row of ACTION_OPTION_ROWS) {
      const value = { switch: 'true', 'per-service': 'checks=x', headers: 'X-A: 1' }[
        row.shape.kind as string
      ];
      const { args } = actionInputs({ [inputVariable(row.actionInput)]: value ?? 'v' });
      expect(args, row.actionInput).toContain(`--${row.flag}`);
    }
  });

  it('is used in docs/ACTION.md and its example workflow with declared inputs only', () => {
    const docs = readFileSync(
      fileURLToPath(new URL('../../docs/ACTION.md', import.meta.url)),
      'utf8',
    );
    const example = readFileSync(
      fileURLToPath(new URL('../../docs/examples/conformance-action.yml', import.meta.url)),
      'utf8',
    );
    const blocks = [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
    const uses = [...blocks, example].flatMap((text) => actionSteps(load(text)));
    expect(uses.length).toBeGreaterThanOrEqual(4);
    const declared = Object.keys(action.inputs);
    for (const step of uses) {
      expect(Object.keys(step.with ?? {}).filter((name) => !declared.includes(name))).toEqual([]);
    }
  });

  it("exposes the step's report-dir, verdict and exit-code outputs", () => {
    expect(action.outputs).toEqual({
      'report-dir': expect.objectContaining({ value: expression('steps.run.outputs.report-dir') }),
      verdict: expect.objectContaining({ value: expression('steps.run.outputs.verdict') }),
      'exit-code': expect.objectContaining({ value: expression('steps.run.outputs.exit-code') }),
    });
  });

  it('runs the installed lro-conformance-action with the inputs as INPUT_* variables', async () => {
    const { stdout: output } = await runStepScript({
      installed: true,
      inputs: { target: 'http://127.0.0.1:8080', 'fail-on': 'should' },
    });
    const lines = output.trim().split('\n');
    expect(lines[0]).toBe('installed');
    expect(lines).toContain('INPUT_TARGET=http://127.0.0.1:8080');
    expect(lines).toContain('INPUT_FAIL_ON=should');
    expect(lines).toContain('INPUT_REPORT_DIR=lro-report');
    expect(lines).toContain('INPUT_LIVE=false');
  });

  it.each([
    [{ inputs: { version: '0.1.0' } }, 'lro-conformance@0.1.0'],
    [{ installed: true, inputs: { version: 'next' } }, 'lro-conformance@next'],
  ])('runs a version asked for through npx: %j → %s', async (options, spec) => {
    expect((await runStepScript(options)).stdout).toBe(
      `npx --yes --package ${spec} -- lro-conformance-action\n`,
    );
  });

  it("otherwise runs the action's own checkout, installing its production dependencies once", async () => {
    expect(await runStepScript({})).toEqual({
      stdout: [
        "::group::lro-conformance: installing the action's dependencies",
        '::endgroup::',
        'node $RUN/action/bin/lro-conformance-action.js',
        '',
      ].join('\n'),
      // npm's output goes to stderr: stdout is the step's own.
      stderr: 'npm ci --omit=dev --ignore-scripts --no-audit --no-fund in $RUN/action\n',
    });
    expect(await runStepScript({ prepared: true })).toEqual({
      stdout: 'node $RUN/action/bin/lro-conformance-action.js\n',
      stderr: '',
    });
  });
});
