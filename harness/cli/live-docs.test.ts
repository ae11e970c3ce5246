/**
 * Keeps docs/LIVE.md and the nightly live workflow true: the workflow is printed in the doc word
 * for word, every `npx lro-conformance` line in them names a command and flags that exist, and
 * the request count the doc gives is the one the live test measures.
 */
import { describe, expect, it } from 'vitest';
import {
  commandLinesIn,
  itUsesFlagsTheCommandsHave,
  readRepositoryFile,
} from '../../tools/testing/doc-command-lines.ts';

const DOC = readRepositoryFile('docs/LIVE.md');
const WORKFLOW = readRepositoryFile('docs/examples/nightly-live.yml');
const LIVE_TEST = readRepositoryFile('harness/cli/run-live.test.ts');

describe('docs/LIVE.md and docs/examples/nightly-live.yml', () => {
  it('prints the workflow file as it is, and no status note any more', () => {
    expect(DOC).toContain(`\`\`\`yaml\n${WORKFLOW}\`\`\``);
    expect(DOC).not.toContain('**Status.**');
  });

  const lines = commandLinesIn(`${DOC}\n${WORKFLOW}`);

  itUsesFlagsTheCommandsHave(lines);

  it('finds the command lines it checks', () => {
    expect(lines.map(({ command }) => command)).toEqual(expect.arrayContaining(['run', 'serve']));
  });

  it('gives the request count per service that the live test holds the run to', () => {
    expect(DOC).toContain('**11 to 14 requests per service**');
    expect(LIVE_TEST).toMatch(
      /toEqual\(\{\s+admanager: 13,\s+adsdatahub: 11,\s+checks: 14,\s+dai: 11,\s+datafusion: 14,/,
    );
  });
});
