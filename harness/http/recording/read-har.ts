/**
 * Reads a HAR file for replay and checks the parts replay relies on (HAR 1.2,
 * http://www.softwareishard.com/blog/har-12-spec/): `log.version`, and for each entry the
 * request's method and URL, the response's status and content. Anything else is one line that
 * names the file and the entry, never a stack trace.
 */
import { readFile } from 'node:fs/promises';
import { invalidFileError, type UsageError } from '#base';
import type { Har } from './har.ts';

export async function readHar(path: string): Promise<Har> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw invalidHar(
      code === 'ENOENT'
        ? `no recording at ${path}`
        : `cannot read ${path}: ${code ?? String(error)}`,
    );
  }
  return parseHar(text, path);
}

export function parseHar(text: string, source: string): Har {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidHar(`${source} is not JSON, so not a HAR file`);
  }
  const log = (value as { log?: unknown } | null)?.log as Record<string, unknown> | undefined;
  if (typeof log !== 'object' || log === null) {
    throw invalidHar(`${source} has no "log" object, so it is not a HAR file`);
  }
  if (log.version !== '1.2') {
    throw invalidHar(
      `${source} is HAR ${JSON.stringify(log.version)}; replay reads HAR 1.2 (record again with --record)`,
    );
  }
  if (!Array.isArray(log.entries)) throw invalidHar(`${source} has no "log.entries" list`);
  log.entries.forEach((entry: unknown, index) => {
    const problem = entryProblem(entry);
    if (problem !== undefined) {
      throw invalidHar(`${source}: entry ${index + 1} ${problem}`);
    }
  });
  return value as Har;
}

function entryProblem(entry: unknown): string | undefined {
  const { request, response } = (entry ?? {}) as Record<
    string,
    Record<string, unknown> | undefined
  >;
  if (typeof request?.method !== 'string') return 'has no request.method';
  if (typeof request.url !== 'string' || !URL.canParse(request.url)) {
    return 'has no absolute request.url';
  }
  if (typeof response?.status !== 'number') return 'has no response.status';
  const content = response.content as Record<string, unknown> | undefined;
  if (typeof content !== 'object' || content === null) return 'has no response.content';
  if (content.text !== undefined && typeof content.text !== 'string') {
    return 'has a response.content.text that is not a string';
  }
  return undefined;
}

/** A recording the user named cannot be replayed: one line naming the file (exit 2). */
function invalidHar(message: string): UsageError {
  return invalidFileError(message);
}
