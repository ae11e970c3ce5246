import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LroError } from '#base';
import { CONTROL_PATH } from '../control/vocabulary.ts';
import { COMMANDS } from './commands.ts';
import { DEFAULT_PORT, parseServeArgs } from './serve-command.ts';

const KNOWN = ['adsdatahub', 'admanager', 'dai', 'checks', 'datafusion'];
const BIN = fileURLToPath(new URL('./bin.ts', import.meta.url));

/** Runs `lro-conformance <args>` with the Node running vitest (22.x), as a child process. */
function cli(
  args: readonly string[],
): ChildProcess & { output: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const output = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return Object.assign(child, { output });
}

/** Resolves with the printed URLs once the server says it is serving. */
function serving(
  child: ReturnType<typeof cli>,
): Promise<{ baseUrl: string; controlUrl: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const base = /base URL:\s+(\S+)/.exec(seen)?.[1];
      const control = /control URL:\s+(\S+)/.exec(seen)?.[1];
      if (base !== undefined && control !== undefined)
        resolve({ baseUrl: base, controlUrl: control, stdout: seen });
    });
    child.output.then(({ code, stderr }) =>
      reject(new Error(`serve exited ${code} before serving: ${stderr}`)),
    );
  });
}

describe('lro-conformance serve', () => {
  it('defaults to every service, port 8080, honoured cancels without delay and no auth', () => {
    expect(parseServeArgs([], KNOWN)).toEqual({
      port: DEFAULT_PORT,
      serviceIds: KNOWN,
      cancelMode: 'honor',
      cancelDelayMs: 0,
      tokens: undefined,
    });
    expect(DEFAULT_PORT).toBe(8080);
  });

  it('reads every flag', () => {
    const args = [
      '--port',
      '0',
      '--service',
      'checks, dai',
      '--cancel',
      'unimplemented',
      '--cancel-delay',
      '250',
    ];
    const tokens = [
      '--token',
      'a=https://www.googleapis.com/auth/checks,https://x/y',
      '--token',
      'b=',
    ];
    expect(parseServeArgs([...args, ...tokens], KNOWN)).toEqual({
      port: 0,
      serviceIds: ['checks', 'dai'],
      cancelMode: 'unimplemented',
      cancelDelayMs: 250,
      tokens: { a: ['https://www.googleapis.com/auth/checks', 'https://x/y'], b: [] },
    });
    expect(parseServeArgs(['-h'], KNOWN)).toBe('help');
  });

  it.each([
    [
      ['--service', 'foo'],
      'unknown service "foo" (known: adsdatahub, admanager, dai, checks, datafusion)',
    ],
    [
      ['--service', 'checks,'],
      '--service takes a comma-separated list without empty items; got "checks,"',
    ],
    [['--port', 'abc'], '--port must be an integer from 0 to 65535; got "abc"'],
    [['--port', '70000'], '--port must be an integer from 0 to 65535; got "70000"'],
    [
      ['--cancel', 'never'],
      'unknown --cancel value "never" (allowed: honor, unimplemented, completes-despite-cancel)',
    ],
    [['--cancel-delay=-5'], '--cancel-delay must be an integer from 0 to 86400000; got "-5"'],
    [['--cancel-delay', '-5'], '--cancel-delay must be an integer from 0 to 86400000; got "-5"'],
    [['--token', '=scope'], '--token needs TOKEN=SCOPE,...; got "=scope"'],
    [['--verbose'], "Unknown option '--verbose' (see --help)"],
    [['--port'], "Option '--port <value>' argument missing"],
    [['extra'], "Unexpected argument 'extra' (see --help)"],
  ])('rejects %j with a usage error', (args, message) => {
    const attempt = () => parseServeArgs(args, KNOWN);
    expect(attempt).toThrow(LroError);
    expect(attempt).toThrow(message);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'serves on a free port and stops cleanly on %s',
    async (signal) => {
      const child = cli(['serve', '--port', '0', '--service', 'checks,dai']);
      const { baseUrl, controlUrl, stdout } = await serving(child);
      expect(stdout).toContain('lro-conformance reference serving checks, dai');
      expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(controlUrl).toBe(`${baseUrl}${CONTROL_PATH}`);
      const control = await fetch(controlUrl);
      expect(await control.json()).toMatchObject({ services: ['checks', 'dai'] });
      child.kill(signal);
      const { code, stdout: all, stderr } = await child.output;
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(all).toContain(`stopped (${signal})`);
    },
  );

  it.each([
    [
      ['serve', '--port', 'abc'],
      'lro-conformance serve: --port must be an integer from 0 to 65535; got "abc"',
    ],
    [
      ['serve', '--service', 'foo'],
      'lro-conformance serve: unknown service "foo" (known: admanager, adsdatahub, checks, dai, datafusion)',
    ],
    [['serve', '--bogus'], "lro-conformance serve: Unknown option '--bogus' (see --help)"],
    [
      ['launch'],
      `lro-conformance: unknown command "launch" (known: ${COMMANDS.map((c) => c.name).join(', ')}; see --help)`,
    ],
  ])('exits 2 with one line on stderr for %j', async (args, line) => {
    const { code, stdout, stderr } = await cli(args).output;
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: `${line}\n` });
  });

  it('exits 2 with one line when the port is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const { code, stderr } = await cli(['serve', '--port', String(port)]).output;
      expect(code).toBe(2);
      expect(stderr).toBe(
        `lro-conformance serve: port ${port} on 127.0.0.1 is already in use; pick another with --port, or --port 0 for any free port\n`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('prints its usage for --help and exits 0', async () => {
    const { code, stdout } = await cli(['serve', '--help']).output;
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: lro-conformance serve/);
  });
});
