import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLroError } from '#base';
import { parseHar, readHar } from './read-har.ts';

const entry = (overrides: Record<string, unknown> = {}) => ({
  request: { method: 'GET', url: 'https://h/v1/x' },
  response: { status: 200, content: { size: 2, mimeType: 'application/json', text: '{}' } },
  ...overrides,
});
const har = (log: Record<string, unknown>) => JSON.stringify({ log });

function message(text: string): string {
  try {
    parseHar(text, 'rec.har');
  } catch (error) {
    expect(isLroError(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected an LroError');
}

describe('parseHar', () => {
  it('accepts a minimal HAR 1.2 log', () => {
    expect(
      parseHar(har({ version: '1.2', entries: [entry()] }), 'rec.har').log.entries,
    ).toHaveLength(1);
  });

  it.for([
    ['not JSON', '{', 'rec.har is not JSON, so not a HAR file'],
    ['no log', '{}', 'rec.har has no "log" object, so it is not a HAR file'],
    [
      'another version',
      har({ version: '1.1', entries: [] }),
      'rec.har is HAR "1.1"; replay reads HAR 1.2 (record again with --record)',
    ],
    ['no entries', har({ version: '1.2' }), 'rec.har has no "log.entries" list'],
    [
      'an entry without a method',
      har({ version: '1.2', entries: [entry(), entry({ request: { url: 'https://h/' } })] }),
      'rec.har: entry 2 has no request.method',
    ],
    [
      'a relative URL',
      har({ version: '1.2', entries: [entry({ request: { method: 'GET', url: '/v1/x' } })] }),
      'rec.har: entry 1 has no absolute request.url',
    ],
    [
      'no status',
      har({ version: '1.2', entries: [entry({ response: { content: {} } })] }),
      'rec.har: entry 1 has no response.status',
    ],
    [
      'no content',
      har({ version: '1.2', entries: [entry({ response: { status: 200 } })] }),
      'rec.har: entry 1 has no response.content',
    ],
  ] as const)('refuses %s in one line', ([, text, expected]) => {
    expect(message(text)).toBe(expected);
  });
});

describe('readHar', () => {
  it('names a missing file', async () => {
    await expect(readHar('/nonexistent/rec.har')).rejects.toThrow(
      'no recording at /nonexistent/rec.har',
    );
  });

  it('reads a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lro-har-'));
    try {
      const path = join(dir, 'rec.har');
      await writeFile(path, har({ version: '1.2', entries: [entry()] }));
      expect((await readHar(path)).log.version).toBe('1.2');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
