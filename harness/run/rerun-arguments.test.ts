import { describe, expect, it } from 'vitest';
import { forgetSecrets, REDACTED, registerSecret } from '#reports';
import { parseRunOptions } from '../options/index.ts';
import type { RunConfig } from '../plan/index.ts';
import { rerunArguments } from './rerun-arguments.ts';

const CLAUSE = 'cancel/accepts-request-without-body';

/**
 * What a rerun of one service must repeat: the target as far as that service sees it, the
 * timing and the names. Not the quota project: it is never written down (see below).
 */
function asSeenBy(run: RunConfig, service: string) {
  const { target } = run;
  const seen =
    target.kind === 'live'
      ? {
          ...target,
          endpoints: target.endpoints[service],
          auth: { headers: target.auth.headers, scopes: target.auth.adc?.scopes[service] },
        }
      : target;
  return {
    target: seen,
    deadlineMs: run.deadlineMs,
    settleMs: run.settleMs,
    parent: run.parents[service],
    operation: run.capabilities.operations[service],
    cancellable: run.capabilities.cancellable[service],
    control: run.capabilities.control,
  };
}

describe('rerunArguments', () => {
  it('names only what differs from the defaults, ending with the service', () => {
    expect(rerunArguments(parseRunOptions(['--service', 'dai']).run)).toEqual({
      dai: ['--service', 'dai'],
    });
    expect(
      rerunArguments(
        parseRunOptions(['--fault', 'cancelled-error-code-is-unknown', '--service', 'checks']).run,
      ),
    ).toEqual({ checks: ['--fault', 'cancelled-error-code-is-unknown', '--service', 'checks'] });
  });

  it.for([
    ['the embedded reference', ['--service', 'checks,dai']],
    [
      'the embedded reference, set up',
      ['--cancel', 'unimplemented', '--cancel-delay', '700', '--deadline', '5000', '--settle', '0'],
    ],
    ['a fault', ['--fault', 'cancel-is-a-stub', '--service', 'admanager,datafusion']],
    ['a variant', ['--variant', 'keys-reversed', '--settle', '10']],
    [
      'a URL target',
      [
        '--target',
        'http://127.0.0.1:9/base',
        '--control',
        'none',
        '--request-timeout',
        '2000',
        '--header',
        'x-debug: 1',
        '--service',
        'checks,dai',
        '--parent',
        'checks=accounts/1/apps/2',
      ],
    ],
    [
      'a URL target with its control endpoint elsewhere',
      ['--target', 'http://127.0.0.1:9', '--control', 'http://127.0.0.1:10/hook', '--auth', 'adc'],
    ],
    [
      'live',
      [
        '--live',
        '--service',
        'checks,dai',
        '--endpoint',
        'dai=http://127.0.0.1:9',
        '--max-rps',
        '2',
        '--max-requests',
        '40',
        '--scope',
        'checks=https://www.googleapis.com/auth/cloud-platform',
        '--quota-project',
        'my-project',
        '--operation',
        'dai=operations/2',
      ],
    ],
  ])('reruns each service of %s as the run checked it', ([, argv]) => {
    const original = parseRunOptions(argv as string[]).run;
    const rerun = rerunArguments(original);
    expect(Object.keys(rerun)).toEqual(original.services);
    for (const service of original.services) {
      const again = parseRunOptions([...(rerun[service] ?? []), '--clause', CLAUSE]);
      expect(again.run.services).toEqual([service]);
      expect(again.clauseIds).toEqual([CLAUSE]);
      expect(asSeenBy(again.run, service)).toEqual(asSeenBy(original, service));
    }
  });

  it.for([
    ['the catalogue', ['--catalogue', '--service', 'checks,texttospeech']],
    ['a service document', ['--service-document', 'docs/examples/my-api.discovery.json']],
  ])('adds the option that made %s known, so the rerun checks the same profile', ([, argv]) => {
    const original = parseRunOptions(argv as string[]).run;
    const rerun = rerunArguments(original);
    expect(Object.keys(rerun)).toEqual(original.services);
    for (const service of original.services) {
      const again = parseRunOptions(rerun[service] ?? []).run;
      expect(again.services).toEqual([service]);
      const profileOf = (run: RunConfig) => run.profiles?.find((profile) => profile.id === service);
      expect(profileOf(again)).toEqual(profileOf(original));
      expect(profileOf(again)).toBeDefined();
    }
    expect(rerun.myapi ?? rerun.texttospeech).toContain(
      argv?.[0] === '--catalogue' ? '--catalogue' : '--service-document',
    );
  });

  it('writes no credential: the quota project reads [REDACTED], a known secret is scrubbed', () => {
    registerSecret('literal-secret-value');
    try {
      const run = parseRunOptions([
        '--target',
        'http://127.0.0.1:9',
        '--auth',
        'adc',
        '--quota-project',
        'billing-project',
        '--header',
        'x-api-key: literal-secret-value',
      ]).run;
      const args = Object.values(rerunArguments(run)).flat().join(' ');
      expect(args).toContain(`--quota-project ${REDACTED}`);
      expect(args).toContain(`x-api-key: ${REDACTED}`);
      expect(args).not.toMatch(/billing-project|literal-secret-value/);
    } finally {
      forgetSecrets();
    }
  });

  it('keeps a header as typed, so a $NAME stays a reference and no value is expanded', () => {
    process.env.LRO_RERUN_TEST_KEY = 'expanded-secret';
    try {
      const run = parseRunOptions([
        '--target',
        'http://127.0.0.1:9',
        '--header',
        'x-api-key: $LRO_RERUN_TEST_KEY',
      ]).run;
      const args = Object.values(rerunArguments(run)).flat();
      expect(args).toContain('x-api-key: $LRO_RERUN_TEST_KEY');
      expect(args.join(' ')).not.toContain('expanded-secret');
    } finally {
      delete process.env.LRO_RERUN_TEST_KEY;
    }
  });
});
