import { afterEach, describe, expect, it } from 'vitest';
import { failingRun } from './fixtures/failing-run.ts';
import { sampleResults } from './fixtures/sample-results.ts';
import { reachableOverHttp, reproductionCurl, rerunCommand, shellWord } from './reproduction.ts';
import { forgetSecrets, registerSecret } from './secret-registry.ts';

describe('shellWord', () => {
  it.for([
    ['--fault', '--fault'],
    ['cancel/success-answers-200', 'cancel/success-answers-200'],
    ['dai=https://127.0.0.1:9/v1', 'dai=https://127.0.0.1:9/v1'],
    ['x-api-key: $KEY', "'x-api-key: $KEY'"],
    ["it's", "'it'\\''s'"],
    ['$(rm -rf ~)', "'$(rm -rf ~)'"],
    ['=cmd', "'=cmd'"],
    ['', "''"],
  ])('quotes %j as %s', ([word, quoted]) => {
    expect(shellWord(word ?? '')).toBe(quoted);
  });
});

describe('rerunCommand', () => {
  afterEach(() => forgetSecrets());

  it("is the run's arguments for the cell's service, then its clause", () => {
    expect(rerunCommand(failingRun(), { service: 'dai', clause: 'cancel/x' })).toBe(
      'npx lro-conformance run --target http://127.0.0.1:5555 --service dai --clause cancel/x',
    );
  });

  it('is absent for results without rerun arguments (an older results.json)', () => {
    const { rerun: _, ...older } = failingRun();
    expect(rerunCommand(older, { service: 'dai', clause: 'cancel/x' })).toBeUndefined();
  });

  it('scrubs a secret word by word, so [REDACTED] is quoted and never globbed', () => {
    registerSecret('my-quota-project');
    const results = {
      ...sampleResults(),
      rerun: { checks: ['--quota-project', 'my-quota-project', '--service', 'checks'] },
    };
    expect(rerunCommand(results, { service: 'checks', clause: 'c' })).toBe(
      "npx lro-conformance run --quota-project '[REDACTED]' --service checks --clause c",
    );
  });
});

describe('reproductionCurl', () => {
  it('is offered for targets over HTTP only', () => {
    expect(reachableOverHttp({ kind: 'url' })).toBe(true);
    expect(reachableOverHttp({ kind: 'live' })).toBe(true);
    for (const kind of ['embedded', 'msw', 'replay'] as const)
      expect(reachableOverHttp({ kind })).toBe(false);
    const run = failingRun();
    const cell = run.results.find((c) => c.outcome === 'FAIL');
    if (cell === undefined) throw new Error('no FAIL cell');
    expect(reproductionCurl(run, cell)).toMatch(/^curl 'http:\/\/127\.0\.0\.1:5555\//);
    expect(reproductionCurl({ ...run, target: { kind: 'embedded' } }, cell)).toBeUndefined();
  });
});
