/**
 * The seed documents (the documentation pages the clauses quote), kept verbatim in specs/seeds/.
 */
import { readTextFile, SEEDS_DIRECTORY } from './document-files.ts';
import { SpecsDocumentError } from './specs-document-error.ts';

const cache = new Map<string, string>();

export function readSeed(file: string): string {
  if (!/^[\w.-]+\.txt$/.test(file)) {
    throw new SpecsDocumentError(
      `specs/seeds/${file}`,
      '',
      'is not a seed file name: expected a .txt file in specs/seeds/, e.g. "003_0d45fe534da2664f.txt"',
    );
  }
  let text = cache.get(file);
  if (text === undefined) {
    text = readTextFile(new URL(file, SEEDS_DIRECTORY));
    cache.set(file, text);
  }
  return text;
}
