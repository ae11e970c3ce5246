#!/usr/bin/env node
/**
 * The `lro-conformance` executable. It checks the Node.js version before loading anything else:
 * on an older Node the dependencies would crash with a stack trace, so the user gets one line
 * saying what is needed and exit code 2 (docs/INTERPRETING.md). Everything past the check is
 * imported dynamically, after it.
 */
import { EXIT_USAGE } from '../../base/errors.ts';
import { nodeVersionProblem } from '../../base/node-version.ts';
import { enableCompileCache } from './compile-cache.ts';

const problem = nodeVersionProblem(process.versions.node);
if (problem !== undefined) {
  process.stderr.write(`${problem}\n`);
  process.exit(EXIT_USAGE);
}
enableCompileCache();
const { dispatch } = await import('./dispatch.ts');
process.exitCode = await dispatch(process.argv.slice(2));
