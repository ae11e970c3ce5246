/**
 * Reads a runnable example out of a markdown page: the fenced block after
 * `<!-- example: FILE -->` (the example's source) and the one after
 * `<!-- example-output: FILE -->` (what running it prints), so a test can check the page shows
 * the file verbatim and that the file still prints that.
 */
import { InteropSetupError } from './interop-error.ts';

export interface DocExample {
  readonly source: string;
  readonly output: string;
}

export function docExample(markdown: string, file: string): DocExample {
  return {
    source: fencedBlockAfter(markdown, `<!-- example: ${file} -->`),
    output: fencedBlockAfter(markdown, `<!-- example-output: ${file} -->`),
  };
}

function fencedBlockAfter(markdown: string, marker: string): string {
  const at = markdown.indexOf(marker);
  const block =
    at === -1 ? null : /^\s*```[a-z]*\n([\s\S]*?)^```$/m.exec(markdown.slice(at + marker.length));
  if (block?.[1] === undefined) {
    throw new InteropSetupError(`No fenced block after "${marker}" in the page.`);
  }
  return block[1];
}
