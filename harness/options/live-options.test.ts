/**
 * The flags of live mode and of credentials for URL targets, through parseRunOptions as the CLI
 * reads them: what each gives the run, and the one line each mistake gets.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LroError } from '#base';
import { serviceIds, serviceProfile } from '#specs';
import { CLOUD_PLATFORM_SCOPE } from '../http/auth/service-scopes.ts';
import { DEFAULT_LIVE_MAX_RPS } from '../http/rate-limit.ts';
import { toHar } from '../http/recording/har-writer.ts';
import { URL_SETTLE_MS } from '../plan/run-config.ts';
import { parseRunOptions } from './run-options.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lro-live-options-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function usageOf(argv: readonly string[]): string {
  try {
    parseRunOptions(argv);
  } catch (error) {
    if (error instanceof LroError && error.exitCode === 2) return error.message;
    throw error;
  }
  throw new Error(`parseRunOptions(${JSON.stringify(argv)}) did not throw`);
}

const CHECKS_SCOPE = 'https://www.googleapis.com/auth/checks';

describe('--live', () => {
  it('sends each service to its documented host with ADC and the documented scopes', () => {
    const { run, requestTimeoutMs } = parseRunOptions(['--live']);
    expect(run.target).toEqual({
      kind: 'live',
      endpoints: Object.fromEntries(
        serviceIds().map((id) => [id, `https://${serviceProfile(id)?.host}`]),
      ),
      auth: {
        adc: {
          scopes: {
            adsdatahub: ['https://www.googleapis.com/auth/adsdatahub'],
            admanager: ['https://www.googleapis.com/auth/admanager'],
            checks: [CHECKS_SCOPE],
            dai: [CLOUD_PLATFORM_SCOPE],
            datafusion: [CLOUD_PLATFORM_SCOPE],
          },
        },
        headers: [],
      },
      maxRps: DEFAULT_LIVE_MAX_RPS,
      requestTimeoutMs: 10_000,
    });
    expect(requestTimeoutMs).toBe(10_000);
    expect(run.capabilities).toEqual({ control: false, operations: {}, cancellable: {} });
    expect(run.parents).toEqual({});
    expect(run.settleMs).toBe(URL_SETTLE_MS);
  });

  it('reads endpoints, parents, named operations, scopes, quota project, rate, cap and record file', () => {
    const options = parseRunOptions([
      '--live',
      '--service',
      'checks,datafusion',
      '--endpoint',
      'checks=http://127.0.0.1:9/',
      '--parent',
      'datafusion=projects/p/locations/us',
      '--parent',
      'checks=accounts/1/apps/2',
      '--operation',
      'datafusion=projects/p/locations/us/operations/o1',
      '--allow-cancel',
      'checks=accounts/1/apps/2/operations/o2',
      '--scope',
      'checks=cloud-platform',
      '--scope',
      'checks=checks',
      '--quota-project',
      'billing-project',
      '--max-rps',
      '0.5',
      '--max-requests',
      '40',
      '--header',
      'X-Debug: 1',
      '--record',
      join(dir, 'live.har'),
    ]);
    const { target } = options.run;
    if (target.kind !== 'live') throw new Error('not live');
    expect(target.endpoints.checks).toBe('http://127.0.0.1:9');
    expect(target.endpoints.datafusion).toBe('https://datafusion.googleapis.com');
    expect(target.auth).toEqual({
      adc: {
        scopes: expect.objectContaining({ checks: [CLOUD_PLATFORM_SCOPE, CHECKS_SCOPE] }),
        quotaProject: 'billing-project',
      },
      headers: ['X-Debug: 1'],
    });
    expect(target.maxRps).toBe(0.5);
    expect(target.maxRequests).toBe(40);
    expect(options.run.parents).toEqual({
      datafusion: 'projects/p/locations/us',
      checks: 'accounts/1/apps/2',
    });
    expect(options.run.capabilities).toEqual({
      control: false,
      operations: { datafusion: 'projects/p/locations/us/operations/o1' },
      cancellable: { checks: 'accounts/1/apps/2/operations/o2' },
    });
    expect(options.recordFile).toBe(join(dir, 'live.har'));
  });

  it('can leave ADC out and send only --header credentials', () => {
    const { target } = parseRunOptions([
      '--live',
      '--auth',
      'none',
      '--header',
      'Authorization: Bearer x1y2',
    ]).run;
    expect(target).toMatchObject({
      kind: 'live',
      auth: { headers: ['Authorization: Bearer x1y2'] },
    });
    expect(target).not.toHaveProperty('auth.adc');
  });

  it.for([
    [['--live', '--target', 'http://h'], /--live sends each service .* drop --target/],
    [['--live', '--control', 'none'], /drop --control/],
    [
      ['--live', '--fault', 'cancel-is-a-stub'],
      /--fault configures the embedded reference: drop it, or drop --live/,
    ],
    [['--endpoint', 'checks=http://h'], /^--endpoint needs --live$/],
    [['--max-rps', '3'], /^--max-rps needs --live$/],
    [['--parent', 'checks=accounts/1/apps/2'], /^--parent needs a target over HTTP/],
    [['--header', 'X-A: 1'], /^--header needs a target over HTTP/],
    [['--live', '--endpoint', 'checks=ftp://h'], /--endpoint checks must be an http\(s\) URL/],
    [['--live', '--endpoint', 'checks'], /--endpoint takes SERVICE=VALUE/],
    [['--live', '--parent', 'nope=x/y'], /--parent: unknown service "nope" \(known: /],
    [
      ['--live', '--service', 'dai', '--parent', 'checks=accounts/1/apps/2'],
      /--parent names checks, which --service leaves out/,
    ],
    [
      ['--live', '--parent', 'datafusion=projects/p/zones/z'],
      /--parent datafusion=projects\/p\/zones\/z is not the leading part of datafusion's operation names \(projects\/\*\/locations\/\*\/operations\/\*\)/,
    ],
    [
      ['--live', '--parent', 'checks=accounts/1/apps/2/operations/3'],
      /with room for an operation id after it/,
    ],
    [
      ['--live', '--operation', 'checks=accounts/1/apps/2'],
      /--operation checks=accounts\/1\/apps\/2 is not a checks operation name/,
    ],
    [
      ['--live', '--allow-cancel', 'checks=accounts//apps/2/operations/3'],
      /is not a checks operation name/,
    ],
    [
      [
        '--live',
        '--operation',
        'checks=accounts/1/apps/2/operations/3',
        '--operation',
        'checks=accounts/1/apps/2/operations/4',
      ],
      /--operation names checks twice/,
    ],
    [['--live', '--header', 'Authorization Bearer x'], /--header takes "Name: value" with a colon/],
    [
      ['--live', '--header', 'Authorization: Bearer $LRO_UNSET_VARIABLE'],
      /uses \$LRO_UNSET_VARIABLE, which is not set/,
    ],
    [['--live', '--scope', 'checks=not a scope'], /--scope "not a scope" is not an OAuth scope/],
    [['--live', '--auth', 'maybe'], /unknown --auth value "maybe" \(allowed: adc, none\)/],
    [['--live', '--auth', 'none', '--quota-project', 'q'], /--quota-project needs --auth adc/],
    [['--live', '--max-rps', '0'], /--max-rps takes a number of requests per second above 0/],
    [['--live', '--max-requests', '0'], /--max-requests must be an integer from 1/],
    [['--live', '--record', '/'], /--record \/ is a directory; name the .har file to write/],
  ] as const)('refuses %j in one line', ([argv, expected]) => {
    const message = usageOf(argv);
    expect(message).toMatch(expected);
    expect(message).not.toContain('\n');
  });

  it('refuses a recording below a file, and makes the directories a recording needs', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    expect(usageOf(['--live', '--record', join(file, 'x.har')])).toBe(
      `--record ${join(file, 'x.har')}: ${file} is not a directory`,
    );
    expect(parseRunOptions(['--live', '--record', join(dir, 'new/dir/x.har')]).recordFile).toBe(
      join(dir, 'new/dir/x.har'),
    );
  });
});

describe('credentials for a URL target', () => {
  it('adds --header values and ADC to the URL target', () => {
    const { run } = parseRunOptions([
      '--target',
      'http://127.0.0.1:8080',
      '--header',
      'Authorization: Bearer $$literal',
      '--auth',
      'adc',
      '--scope',
      'checks=checks',
      '--parent',
      'checks=accounts/1/apps/2',
    ]);
    expect(run.target).toMatchObject({
      kind: 'url',
      auth: {
        adc: { scopes: expect.objectContaining({ checks: [CHECKS_SCOPE] }) },
        headers: ['Authorization: Bearer $$literal'],
      },
    });
    expect(run.capabilities.control).toBe(true);
    expect(run.parents).toEqual({ checks: 'accounts/1/apps/2' });
  });

  it('sends none by default, and wants --auth adc for a scope', () => {
    expect(parseRunOptions(['--target', 'http://h']).run.target).not.toHaveProperty('auth');
    expect(usageOf(['--target', 'http://h', '--scope', 'checks=checks'])).toBe(
      '--scope needs --auth adc',
    );
  });
});

describe('--target replay:FILE.har', () => {
  const recorded = () => {
    const file = join(dir, 'recorded.har');
    const har = toHar([], {
      parents: { checks: 'accounts/1/apps/2' },
      run: {
        services: ['checks', 'dai'],
        endpoints: { checks: 'https://checks.googleapis.com', dai: 'https://dai.googleapis.com' },
        probeSeed: 'abcd1234',
        deadlineMs: 12_000,
        settleMs: 700,
        operations: {},
        cancellable: { checks: 'accounts/1/apps/2/operations/o' },
      },
    });
    writeFileSync(file, JSON.stringify(har));
    return file;
  };

  it('asks what was recorded: its services, endpoints, parents, names, seed and timing', () => {
    const file = recorded();
    const options = parseRunOptions(['--target', `replay:${file}`]);
    expect(options.run).toMatchObject({
      target: {
        kind: 'replay',
        file,
        endpoints: { checks: 'https://checks.googleapis.com', dai: 'https://dai.googleapis.com' },
      },
      services: ['checks', 'dai'],
      parents: { checks: 'accounts/{account}/apps/{app}' },
      capabilities: {
        control: false,
        operations: {},
        cancellable: { checks: 'accounts/{account}/apps/{app}/operations/o' },
      },
      probeSeed: 'abcd1234',
      deadlineMs: 12_000,
      settleMs: 700,
    });
    expect(
      parseRunOptions(['--target', `replay:${file}`, '--service', 'dai']).run.services,
    ).toEqual(['dai']);
  });

  it.for([
    [() => ['--target', 'replay:'], /--target replay: needs a file/],
    [() => ['--target', 'replay:/nonexistent/x.har'], /no recording at \/nonexistent\/x.har/],
    [
      () => ['--target', `replay:${recorded()}`, '--deadline', '5'],
      /--deadline does not apply to a replay/,
    ],
    [
      () => ['--target', `replay:${recorded()}`, '--service', 'admanager'],
      /holds no recording of admanager \(it has checks, dai\)/,
    ],
    [
      () => {
        const file = join(dir, 'foreign.har');
        writeFileSync(file, JSON.stringify({ log: { version: '1.2', entries: [] } }));
        return ['--target', `replay:${file}`];
      },
      /was not written by lro-conformance run --record/,
    ],
  ] as const)('refuses a bad replay in one line (%#)', ([argv, expected]) => {
    expect(usageOf(argv())).toMatch(expected);
  });
  // A recording is a file a user may have edited or been handed: `deadlineMs: -5` failed when
  // the report was written with a developer message, `services: ["__proto__"]` reached a
  // TypeError, and an unknown service ran and passed.
  const tampered = (
    change: (run: Record<string, unknown>, har: { log: Record<string, unknown> }) => void,
  ) => {
    const file = recorded();
    const har = JSON.parse(readFileSync(file, 'utf8')) as { log: Record<string, unknown> };
    const extension = har.log._lroConformance as { run: Record<string, unknown> };
    change(extension.run, har);
    writeFileSync(file, JSON.stringify(har));
    return ['--target', `replay:${file}`];
  };
  it.for([
    [
      (run) => Object.assign(run, { deadlineMs: -5 }),
      /run\.deadlineMs is -5, not whole milliseconds/,
    ],
    [
      (run) => Object.assign(run, { settleMs: 1.5 }),
      /run\.settleMs is 1\.5, not whole milliseconds/,
    ],
    [
      (run) => Object.assign(run, { services: ['__proto__'] }),
      /run\.services names unknown service "__proto__"/,
    ],
    [
      (run) => Object.assign(run, { services: ['nope'] }),
      /run\.services names unknown service "nope"/,
    ],
    [(run) => Object.assign(run, { services: [] }), /run\.services is not a non-empty list/],
    [
      (run) => Object.assign(run, { services: ['dai', 'dai'] }),
      /run\.services names a service twice/,
    ],
    [
      (run) => Object.assign(run, { endpoints: { checks: 'file:///etc/passwd' } }),
      /run\.endpoints\.checks is not an absolute http\(s\) URL/,
    ],
    [
      (run) => Object.assign(run, { operations: { nope: 'x' } }),
      /run\.operations names unknown service "nope"/,
    ],
    [
      (run) => Object.assign(run, { cancellable: { checks: 7 } }),
      /run\.cancellable\.checks is not a string/,
    ],
    [(run) => Object.assign(run, { probeSeed: null }), /run\.probeSeed is not a string/],
    [
      (_run, har) =>
        Object.assign(har.log._lroConformance as object, { parents: { ['__proto__']: 'x' } }),
      /parents names unknown service "__proto__"/,
    ],
  ] as const satisfies readonly (readonly [Parameters<typeof tampered>[0], RegExp])[])(
    'refuses a tampered recording in one line naming the field (%#)',
    ([change, expected]) => {
      const message = usageOf(tampered(change));
      expect(message).toMatch(expected);
      expect(message).toMatch(/; record the session again with --record$/);
    },
  );
});
