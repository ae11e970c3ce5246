import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_VALIDATORS } from './generate-validators.ts';

describe('the validators compiled ahead of time', () => {
  it.for(GENERATED_VALIDATORS.map(({ file, render }) => [file.pathname, render] as const))(
    '%s matches its schemas (run `npm run generate` when it does not)',
    ([path, render]) => {
      expect(
        readFileSync(path, 'utf8') === render(),
        `${path} is stale: run npm run generate`,
      ).toBe(true);
    },
  );
});
