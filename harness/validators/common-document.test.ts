import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCommonDocument } from './common-document.ts';

/** A fresh module graph whose fs answers `text`; its own error guard, since classes differ. */
async function readWith(text: () => string) {
  vi.resetModules();
  vi.doMock('node:fs', () => ({ readFileSync: text }));
  const fresh = await import('./common-document.ts');
  const { isLroError } = await import('../../base/errors.ts');
  const isValidatorError = (error: unknown) => isLroError(error) && error.code === 'DATA';
  return { read: () => fresh.readCommonDocument(), isValidatorError };
}

/** The error's causes, outermost first (the specs loader may wrap the fs error once more). */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let next = (error as Error).cause; next !== undefined; next = (next as Error).cause) {
    chain.push(next);
  }
  return chain;
}

describe('readCommonDocument', () => {
  afterEach(() => {
    vi.doUnmock('node:fs');
  });

  it('reads the shared components once', () => {
    const document = readCommonDocument();
    expect(Object.keys(document.components.schemas)).toContain('Operation');
    expect(readCommonDocument()).toBe(document);
  });

  it('reports an unreadable file as a DATA error that keeps the cause', async () => {
    const cause = new Error('ENOENT');
    const { read, isValidatorError } = await readWith(() => {
      throw cause;
    });
    expect(read).toThrow(
      expect.toSatisfy((error) => isValidatorError(error) && causeChain(error).includes(cause)),
    );
  });

  const malformed: ReadonlyArray<[string, string, RegExp]> = [
    ['invalid JSON', '{', /Cannot read the shared components/],
    ['no components', '{"openapi":"3.1.0"}', /has no components object/],
    ['no schemas', '{"components":{}}', /has no components\.schemas object/],
  ];
  for (const [title, text, message] of malformed) {
    it(`reports ${title} as a DATA error`, async () => {
      const { read, isValidatorError } = await readWith(() => text);
      expect(read).toThrow(message);
      expect(read).toThrow(expect.toSatisfy(isValidatorError));
    });
  }
});
