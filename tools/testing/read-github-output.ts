/**
 * Reads a `$GITHUB_OUTPUT` file the way the Actions runner does: `name=value` lines and
 * `name<<DELIMITER` … `DELIMITER` blocks
 * (https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands#setting-an-output-parameter).
 * For the tests of the Action's step.
 */
export function readGithubOutput(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const block = /^([\w-]+)<<(.+)$/.exec(line);
    if (block?.[1] !== undefined && block[2] !== undefined) {
      const end = lines.indexOf(block[2], i + 1);
      if (end === -1) throw new Error(`output ${block[1]}: no closing ${block[2]}`);
      outputs[block[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const single = /^([\w-]+)=(.*)$/.exec(line);
    if (single?.[1] !== undefined) outputs[single[1]] = single[2] ?? '';
  }
  return outputs;
}
