/**
 * Keeps docs/DRIFT.md and the workflow users copy true: the workflow is printed in the doc word
 * for word, and every `npx lro-conformance` line in them and in the README names a command and
 * flags that exist.
 */
import { describe, expect, it } from 'vitest';
import {
  commandLinesIn,
  itUsesFlagsTheCommandsHave,
  readRepositoryFile,
} from '../../tools/testing/doc-command-lines.ts';

const DOC = readRepositoryFile('docs/DRIFT.md');
const WORKFLOW = readRepositoryFile('docs/examples/nightly-drift.yml');
const README = readRepositoryFile('README.md');

describe('docs/DRIFT.md and docs/examples/nightly-drift.yml', () => {
  it('prints the workflow file as it is', () => {
    expect(DOC).toContain(`\`\`\`yaml\n${WORKFLOW}\`\`\``);
  });

  const lines = commandLinesIn(`${DOC}\n${WORKFLOW}\n${README}`);

  itUsesFlagsTheCommandsHave(lines);

  it('finds the command lines it checks', () => {
    expect(lines.map(({ command }) => command)).toEqual(
      expect.arrayContaining(['drift', 'diff', 'run']),
    );
  });
});
