/**
 * The Node.js the CLI needs, checked first thing in bin.ts. vitest 5, msw 3 and
 * google-auth-library 11 require Node >= 22.12 (their package.json `engines`); on older Node they
 * fail deep inside with a stack trace, and npm only warns about `engines` (EBADENGINE). This
 * module imports nothing, so it loads on any Node that runs ES modules.
 */

/** Keep equal to `engines.node` in package.json (node-version.test.ts checks it). */
export const REQUIRED_NODE_VERSION = '22.12.0';

function parts(version: string): number[] {
  return version
    .replace(/^v/, '')
    .split('.')
    .map((part) => Number.parseInt(part, 10) || 0);
}

/** True when `version` (e.g. `20.20.2` or `v22.12.0`) is at least `required`. */
export function satisfiesNodeVersion(version: string, required = REQUIRED_NODE_VERSION): boolean {
  const have = parts(version);
  const need = parts(required);
  for (let index = 0; index < need.length; index += 1) {
    const a = have[index] ?? 0;
    const b = need[index] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

/** The one line to print when `version` is too old, or undefined when it will do. */
export function nodeVersionProblem(version: string): string | undefined {
  if (satisfiesNodeVersion(version)) return undefined;
  return (
    `lro-conformance needs Node.js >= ${REQUIRED_NODE_VERSION}, but this is Node.js ` +
    `${version.replace(/^v?/, 'v')} (${process.execPath}): install Node.js 22 or later ` +
    '(https://nodejs.org, or `nvm install 22`) and run it again'
  );
}
