/**
 * Scrubs a report file another tool wrote (vitest's junit.xml, whose failure messages and stack
 * traces the harness does not render itself) in place, with the same scrubber as every other
 * output (scrub.ts). A file without secrets is left untouched, byte for byte.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { scrubText } from './scrub.ts';

/** Returns true when the file held something to scrub (and was rewritten). */
export async function scrubFile(path: string): Promise<boolean> {
  const text = await readFile(path, 'utf8');
  const scrubbed = scrubText(text);
  if (scrubbed === text) return false;
  await writeFile(path, scrubbed, 'utf8');
  return true;
}
