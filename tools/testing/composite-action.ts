/**
 * A local composite action (action.yml) run as the Actions runner runs one, for
 * workflow-runner.ts (test-only): its `run:` steps in order, `GITHUB_ACTION_PATH` at its folder,
 * `${{ inputs.x }}` from the step's `with:` and the inputs' defaults, its outputs from its steps'
 * (https://docs.github.com/actions/sharing-automations/creating-actions/creating-a-composite-action).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { type ExpressionContext, interpolate } from './workflow-expressions.ts';
import type { StandIn, WorkflowStep } from './workflow-runner.ts';

interface CompositeAction {
  readonly inputs?: Readonly<Record<string, { readonly default?: string }>>;
  readonly outputs?: Readonly<Record<string, { readonly value: string }>>;
  readonly runs: {
    readonly using: string;
    readonly steps: readonly (WorkflowStep & { readonly env?: Record<string, string> })[];
  };
}

/**
 * A stand-in that is no stand-in: the composite action in `actionDir` (its action.yml), run as
 * the runner runs one, with `GITHUB_ACTION_PATH` at `actionDir`, its inputs from `with:` and
 * their defaults, and its outputs from its steps'.
 */
export function compositeAction(actionDir: string): StandIn {
  const action = load(readFileSync(join(actionDir, 'action.yml'), 'utf8')) as CompositeAction;
  if (action.runs.using !== 'composite') throw new Error(`${actionDir}: not a composite action`);
  return async ({ workspace, with: given, env, runScript }) => {
    const inputs = Object.fromEntries(
      Object.entries(action.inputs ?? {}).map(([name, input]) => [
        name,
        given[name] ?? input.default ?? '',
      ]),
    );
    const outputs: Record<string, Record<string, string>> = {};
    const context = (): ExpressionContext => ({
      lookup: (path) => {
        const [root, id, kind, name] = path.split('.');
        if (root === 'inputs') return inputs[id ?? ''];
        if (root === 'steps' && kind === 'outputs') return outputs[id ?? '']?.[name ?? ''];
        throw new Error(`action expression: unknown context ${path}`);
      },
      functions: {},
    });
    let code = 0;
    let log = '';
    for (const step of action.runs.steps) {
      if (step.run === undefined) throw new Error(`${actionDir}: only run steps are supported`);
      const stepEnv: NodeJS.ProcessEnv = { ...env, GITHUB_ACTION_PATH: actionDir };
      for (const [name, value] of Object.entries(step.env ?? {})) {
        stepEnv[name] = interpolate(String(value), context());
      }
      const cwd = join(workspace, interpolate(step['working-directory'] ?? '.', context()));
      const record = await runScript(interpolate(step.run, context()), stepEnv, cwd);
      log += record.log;
      if (step.id !== undefined) outputs[step.id] = { ...record.outputs };
      if (record.code !== 0) {
        code = Number(record.code);
        break;
      }
    }
    return {
      code,
      log,
      outputs: Object.fromEntries(
        Object.entries(action.outputs ?? {}).map(([name, output]) => [
          name,
          interpolate(output.value, context()),
        ]),
      ),
    };
  };
}
