#!/usr/bin/env node
/**
 * `lro-conformance-action`: the step the repository's GitHub Action runs (action.yml,
 * docs/ACTION.md). Like the CLI it checks the Node.js version before loading anything else.
 */
import { EXIT_USAGE } from '../../base/errors.ts';
import { nodeVersionProblem } from '../../base/node-version.ts';

const problem = nodeVersionProblem(process.versions.node);
if (problem !== undefined) {
  process.stderr.write(`${problem}\n`);
  process.exit(EXIT_USAGE);
}
const { runAction } = await import('./run-action.ts');
process.exitCode = await runAction({
  env: process.env,
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
});
