import { describe, expect, it } from 'vitest';
import { EXIT_USAGE, LroError } from '#base';
import { serviceIds } from '#specs';
import { CONTROL_PATH } from '../control/vocabulary.ts';
import { DEFAULT_DEADLINE_MS, EMBEDDED_SETTLE_MS, URL_SETTLE_MS } from '../plan/run-config.ts';
import { listClauseIds } from '../plan/suite-catalogue.ts';
import { REFERENCE_FAULTS } from '../reference/faults/catalogue.ts';
import { apiRunValues } from './api-run-values.ts';
import { cliRunValues } from './cli-run-values.ts';
import { FLAG_TERMS, OPTION_NAME_TERMS, type OptionTerms } from './option-terms.ts';
import type { RunConformanceOptions, RunOptionValues } from './run-option-table.ts';
import { parseRunOptions, runOptionsOf } from './run-options.ts';

function usageErrorOf(argv: readonly string[]): LroError {
  try {
    parseRunOptions(argv);
  } catch (error) {
    if (error instanceof LroError) return error;
    throw error;
  }
  throw new Error(`parseRunOptions(${JSON.stringify(argv)}) did not throw`);
}

describe('parseRunOptions', () => {
  it('defaults to every service and clause against the embedded reference', () => {
    expect(parseRunOptions([])).toEqual({
      requestedServices: undefined,
      clauseIds: listClauseIds(),
      reportDir: 'lro-report',
      reporter: 'text',
      failOn: [],
      probesOnly: false,
      run: {
        target: { kind: 'embedded', cancelMode: 'honor', cancelDelayMs: 0 },
        services: serviceIds(),
        deadlineMs: DEFAULT_DEADLINE_MS,
        settleMs: EMBEDDED_SETTLE_MS,
        capabilities: { control: true, operations: {}, cancellable: {} },
        parents: {},
        probeSeed: expect.stringMatching(/^[0-9a-z]{8}$/),
      },
    });
  });

  it("keeps the caller's run id, and refuses one that could not travel in a file name", () => {
    expect(parseRunOptions(['--run-id', 'ci-42.a:b_c']).runId).toBe('ci-42.a:b_c');
    expect(parseRunOptions([]).runId).toBeUndefined();
    for (const bad of ['', 'a b', '../x', 'x'.repeat(129)]) {
      expect(usageErrorOf(['--run-id', bad]).message).toMatch(/^--run-id takes 1 to 128 letters/);
    }
  });

  it('gives every run its own probe seed', () => {
    expect(parseRunOptions([]).run.probeSeed).not.toBe(parseRunOptions([]).run.probeSeed);
  });

  it('reads the embedded reference flags', () => {
    const options = parseRunOptions([
      '--cancel',
      'completes-despite-cancel',
      '--cancel-delay',
      '5000',
      '--deadline',
      '100',
      '--report-dir',
      'out/report',
      '--fault',
      'cancel-is-a-stub',
    ]);
    expect(options.run).toEqual({
      target: {
        kind: 'embedded',
        cancelMode: 'completes-despite-cancel',
        cancelDelayMs: 5000,
        fault: 'cancel-is-a-stub',
      },
      services: serviceIds(),
      deadlineMs: 100,
      settleMs: EMBEDDED_SETTLE_MS,
      capabilities: { control: true, operations: {}, cancellable: {} },
      parents: {},
      probeSeed: expect.any(String),
    });
    expect(options.reportDir).toBe('out/report');
  });

  it.for(REFERENCE_FAULTS.map((fault) => fault.id))('accepts the known fault %s', (id) => {
    const { target } = parseRunOptions(['--fault', id]).run;
    expect(target).toMatchObject({ kind: 'embedded', fault: id });
  });

  it('narrows services and clauses, trimming spaces and dropping repeats', () => {
    const options = parseRunOptions([
      '--service',
      'checks, dai,checks',
      '--clause',
      'cancel/accepts-request-without-body,get/operation-has-valid-shape',
    ]);
    expect(options.requestedServices).toEqual(['checks', 'dai']);
    expect(options.run.services).toEqual(['checks', 'dai']);
    expect(options.clauseIds).toEqual([
      'cancel/accepts-request-without-body',
      'get/operation-has-valid-shape',
    ]);
  });

  it('points at a URL target, with the control endpoint under it by default', () => {
    const options = parseRunOptions(['--target', 'http://127.0.0.1:8080']);
    expect(options.run.target).toEqual({
      kind: 'url',
      baseUrl: 'http://127.0.0.1:8080',
      controlUrl: `http://127.0.0.1:8080${CONTROL_PATH}`,
      requestTimeoutMs: 10_000,
    });
    expect(options.requestedServices).toBeUndefined();
    expect(options.run.services).toEqual(serviceIds());
  });

  it.for([
    [
      'http://127.0.0.1:8080/',
      undefined,
      'http://127.0.0.1:8080',
      `http://127.0.0.1:8080${CONTROL_PATH}`,
    ],
    ['https://h.test/api///', undefined, 'https://h.test/api', `https://h.test/api${CONTROL_PATH}`],
    ['http://h.test', 'http://c.test/ctl/', 'http://h.test', 'http://c.test/ctl'],
  ] as const)(
    'trims trailing slashes: --target %s --control %s',
    ([target, control, base, controlUrl]) => {
      const argv = ['--target', target, ...(control ? ['--control', control] : [])];
      expect(parseRunOptions(argv).run.target).toMatchObject({ baseUrl: base, controlUrl });
    },
  );

  it('selects clauses by glob and strength, a shard, the stricter policy and the JSON reporter', () => {
    const options = parseRunOptions([
      '--clause',
      'cancel/accepts-*,errors/*',
      '--strength',
      'MUST,should',
      '--shard',
      '2/3',
      '--fail-on',
      'should,error',
      '--reporter',
      'json',
    ]);
    expect(options.clauseIds.length).toBeGreaterThan(3);
    expect(options.clauseIds.every((id) => /^(cancel\/accepts-|errors\/)/.test(id))).toBe(true);
    expect(options.run.strengths).toEqual(['MUST', 'SHOULD']);
    expect(options.run.shard).toEqual({ index: 2, count: 3 });
    expect(options.failOn).toEqual(['should', 'error']);
    expect(options.reporter).toBe('json');
  });

  it('runs probes only with --control none, and settles a few seconds over HTTP', () => {
    const options = parseRunOptions(['--target', 'http://h.test', '--control', 'none']);
    expect(options.run.target).toEqual({
      kind: 'url',
      baseUrl: 'http://h.test',
      requestTimeoutMs: 10_000,
    });
    expect(options.run.capabilities.control).toBe(false);
    expect(options.run.settleMs).toBe(URL_SETTLE_MS);
    expect(parseRunOptions(['--settle', '0']).run.settleMs).toBe(0);
  });

  it('reads --request-timeout with --target', () => {
    expect(
      parseRunOptions(['--target', 'http://h.test', '--request-timeout', '250']).run.target,
    ).toMatchObject({ requestTimeoutMs: 250 });
  });

  it.for([
    ['an unknown flag', ['--bogus'], "Unknown option '--bogus' (see --help)"],
    [
      'a flag without its value',
      ['--target'],
      "Option '--target <value>' argument missing (see --help)",
    ],
    ['a positional argument', ['extra'], 'unexpected argument "extra" (see --help)'],
    [
      'an unknown service',
      ['--service', 'checks,nope'],
      `unknown service "nope" (known: ${serviceIds().join(', ')})`,
    ],
    ['an empty --service', ['--service', ' , '], '--service needs at least one value'],
    [
      'an unknown clause',
      ['--clause', 'cancel/nope'],
      'unknown clause "cancel/nope" (no clause id matches; see lro-conformance list)',
    ],
    ['a glob no clause matches', ['--clause', 'nope/*'], 'unknown clause "nope/*"'],
    ['an unknown strength', ['--strength', 'may'], 'unknown --strength value "may"'],
    ['a shard out of range', ['--shard', '3/2'], '--shard takes I/N with 1 <= I <= N'],
    ['a shard that is not I/N', ['--shard', 'half'], '--shard takes I/N'],
    ['an unknown --fail-on', ['--fail-on', 'should,often'], 'unknown --fail-on value "often"'],
    ['an unknown --reporter', ['--reporter', 'xml'], 'unknown --reporter value "xml"'],
    ['an unknown variant', ['--variant', 'nope'], 'unknown variant "nope" (known: '],
    ['an empty --clause', ['--clause', ''], '--clause needs at least one value'],
    [
      '--control without --target',
      ['--control', 'http://h.test/c'],
      '--control needs --target (the embedded reference has its own)',
    ],
    [
      'a bad --cancel mode',
      ['--cancel', 'maybe'],
      'unknown --cancel value "maybe" (allowed: honor, unimplemented, completes-despite-cancel)',
    ],
    [
      'an unknown fault',
      ['--fault', 'nope'],
      `unknown fault "nope" (known: ${REFERENCE_FAULTS.map((f) => f.id).join(', ')})`,
    ],
    [
      'a negative --cancel-delay',
      ['--cancel-delay=-1'],
      '--cancel-delay takes whole milliseconds, not "-1"',
    ],
    [
      'a fractional --deadline',
      ['--deadline', '1.5'],
      '--deadline takes whole milliseconds, not "1.5"',
    ],
    [
      'a word as --deadline',
      ['--deadline', 'soon'],
      '--deadline takes whole milliseconds, not "soon"',
    ],
    ['an empty --deadline', ['--deadline='], '--deadline takes whole milliseconds, not ""'],
    [
      'a blank --cancel-delay',
      ['--cancel-delay', ' '],
      '--cancel-delay takes whole milliseconds, not " "',
    ],
    [
      'a bad --request-timeout',
      ['--target', 'http://h.test', '--request-timeout', 'x'],
      '--request-timeout takes whole milliseconds, not "x"',
    ],
    [
      '--cancel with --target',
      ['--target', 'http://h.test', '--cancel', 'honor'],
      '--cancel configures the embedded reference: drop it, or drop --target',
    ],
    [
      '--cancel-delay with --target',
      ['--target', 'http://h.test', '--cancel-delay', '1'],
      '--cancel-delay configures the embedded reference: drop it, or drop --target',
    ],
    [
      '--fault with --target',
      ['--target', 'http://h.test', '--fault', 'cancel-is-a-stub'],
      '--fault configures the embedded reference: drop it, or drop --target',
    ],
    [
      'a target that is not a URL',
      ['--target', 'not a url'],
      '--target must be an absolute http(s) URL, not "not a url"',
    ],
    [
      'a target without scheme',
      ['--target', 'localhost:1'],
      '--target must be an http(s) URL, not "localhost:1"',
    ],
    [
      'an ftp target',
      ['--target', 'ftp://h.test'],
      '--target must be an http(s) URL, not "ftp://h.test"',
    ],
    [
      'a bad control URL',
      ['--target', 'http://h.test', '--control', 'file:///tmp/x'],
      '--control must be an http(s) URL, not "file:///tmp/x"',
    ],
  ] as const)('refuses %s with exit code 2', ([, argv, message]) => {
    const error = usageErrorOf(argv);
    expect(error.exitCode).toBe(EXIT_USAGE);
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain(message);
    expect(error.message).not.toContain('\n');
  });
});

describe('runOptionsOf', () => {
  function refusal(read: () => RunOptionValues, terms: OptionTerms): string {
    try {
      runOptionsOf(read(), terms);
    } catch (error) {
      if (error instanceof LroError) return error.message;
      throw error;
    }
    throw new Error('runOptionsOf did not throw');
  }

  it.for([
    [
      ['--target', 'http://h.test', '--cancel-delay', '5'],
      { target: 'http://h.test', cancelDelayMs: 5 },
      '--cancel-delay configures the embedded reference: drop it, or drop --target',
      'cancelDelayMs configures the embedded reference: drop it, or drop target',
    ],
    [
      ['--live', '--parent', 'checks=projects/p'],
      { live: true, parents: { checks: 'projects/p' } },
      "--parent checks=projects/p is not the leading part of checks's operation names",
      "parents.checks=projects/p is not the leading part of checks's operation names",
    ],
    [
      ['--live', '--service', 'dai', '--operation', 'checks=accounts/1/apps/2/operations/3'],
      { live: true, services: ['dai'], operations: { checks: 'accounts/1/apps/2/operations/3' } },
      '--operation names checks, which --service leaves out',
      'operations names checks, which services leaves out',
    ],
    [
      ['--target', 'http://h.test', '--header', 'Host: h'],
      { target: 'http://h.test', headers: { Host: 'h' } },
      '--header "Host" is set by the harness itself; use --endpoint SERVICE=URL',
      'headers "Host" is set by the harness itself; use endpoints SERVICE=URL',
    ],
    [
      ['--live', '--scope', 'checks=not a scope'],
      { live: true, scopes: { checks: 'not a scope' } },
      '--scope "not a scope" is not an OAuth scope',
      'scopes "not a scope" is not an OAuth scope',
    ],
    [
      ['--strength', 'may'],
      { strengths: ['may'] } as object as RunConformanceOptions,
      'unknown --strength value "may"',
      'unknown strengths value "may"',
    ],
  ] as const)(
    'names the option as its caller wrote it: %j',
    ([argv, options, cliMessage, apiMessage]) => {
      expect(refusal(() => cliRunValues(argv), FLAG_TERMS)).toContain(cliMessage);
      expect(refusal(() => apiRunValues(options), OPTION_NAME_TERMS)).toContain(apiMessage);
    },
  );
});
