/**
 * `lro-conformance serve`: runs the reference implementation as an HTTP server on 127.0.0.1 until
 * SIGINT or SIGTERM (docs/REFERENCE.md). Besides the five seed services it serves a team's own
 * service from its document (`--service-document`) or every API of the catalogue
 * (`--catalogue`). Flag mistakes, unknown services, a bad document and a port in use are usage
 * errors: one line on stderr, exit code 2.
 */
import { isLroError, usageError } from '#base';
import { knownServiceProfiles } from '#specs';
import { CANCEL_MODES, type CancelMode } from '../control/index.ts';
import {
  FLAG_TERMS,
  parseChoice,
  parseFlags,
  parseInteger,
  parseList,
  runProfiles,
} from '../options/index.ts';
import { startReferenceServer } from '../reference/server.ts';

export const DEFAULT_PORT = 8080;

export const usage = `Usage: lro-conformance serve [options]

Serves the reference implementation of operations.get/cancel on 127.0.0.1.

Options:
  --port N              port to listen on (default ${DEFAULT_PORT}; 0 = any free port)
  --service a,b         services to serve (default: all)
  --service-document F  also serve the service a Discovery or OpenAPI document describes
                        (docs/SERVICE-DOCUMENTS.md; repeatable)
  --catalogue           also serve every API of the catalogue (docs/CATALOGUE.md)
  --cancel MODE         ${CANCEL_MODES.join(' | ')} (default honor)
  --cancel-delay MS     milliseconds before an accepted cancel takes effect (default 0)
  --token T=SCOPE,...   require bearer tokens; T is granted the listed scopes (repeatable)
  -h, --help            show this help`;

const SERVE_FLAGS = {
  port: { type: 'string' },
  service: { type: 'string' },
  cancel: { type: 'string' },
  'cancel-delay': { type: 'string' },
  token: { type: 'string', multiple: true },
  'service-document': { type: 'string', multiple: true },
  catalogue: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface ServeConfig {
  readonly port: number;
  readonly serviceIds: readonly string[];
  readonly cancelMode: CancelMode;
  readonly cancelDelayMs: number;
  /** Token -> scopes; undefined when no --token was given (no authentication). */
  readonly tokens: Readonly<Record<string, readonly string[]>> | undefined;
}

/** @throws UsageError (exit 2) on a usage mistake. */
export function parseServeArgs(
  args: readonly string[],
  knownServiceIds: readonly string[],
): ServeConfig | 'help' {
  const flags = parseFlags(args, SERVE_FLAGS);
  if (flags.help === true) return 'help';
  const serviceIds =
    flags.service === undefined ? [...knownServiceIds] : parseList('--service', flags.service);
  for (const id of serviceIds) {
    if (!knownServiceIds.includes(id)) {
      throw usageError(`unknown service "${id}" (known: ${knownServiceIds.join(', ')})`);
    }
  }
  return {
    port:
      flags.port === undefined
        ? DEFAULT_PORT
        : parseInteger('--port', flags.port, { min: 0, max: 65535 }),
    serviceIds,
    cancelMode:
      flags.cancel === undefined ? 'honor' : parseChoice('--cancel', flags.cancel, CANCEL_MODES),
    cancelDelayMs:
      flags['cancel-delay'] === undefined
        ? 0
        : parseInteger('--cancel-delay', flags['cancel-delay'], {
            min: 0,
            max: 24 * 60 * 60 * 1000,
          }),
    tokens: flags.token === undefined ? undefined : parseTokens(flags.token),
  };
}

function parseTokens(values: readonly string[]): Record<string, readonly string[]> {
  const tokens: Record<string, readonly string[]> = {};
  for (const value of values) {
    const at = value.indexOf('=');
    const token = at === -1 ? value : value.slice(0, at);
    const scopes =
      at === -1 || at === value.length - 1 ? [] : parseList('--token', value.slice(at + 1));
    if (token === '') throw usageError(`--token needs TOKEN=SCOPE,...; got "${value}"`);
    tokens[token] = scopes;
  }
  return tokens;
}

/** The profiles `--service-document` and `--catalogue` add, before the flags are checked. */
function addProfiles(args: readonly string[]): void {
  const flags = parseFlags(args, SERVE_FLAGS);
  const documents = flags['service-document'] ?? [];
  runProfiles(
    {
      ...(flags.catalogue === true ? { catalogue: true } : {}),
      ...(documents.length === 0 ? {} : { serviceDocuments: documents }),
    },
    FLAG_TERMS,
  );
}

export async function main(args: readonly string[]): Promise<number> {
  addProfiles(args);
  const profiles = knownServiceProfiles();
  const config = parseServeArgs(
    args,
    profiles.map((profile) => profile.id),
  );
  if (config === 'help') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const server = await startReferenceServer({
    port: config.port,
    profiles: profiles.filter((profile) => config.serviceIds.includes(profile.id)),
    cancelMode: config.cancelMode,
    cancelDelayMs: config.cancelDelayMs,
    auth: config.tokens === undefined ? undefined : { tokens: config.tokens },
  }).catch((error: unknown) => {
    // A port in use, a bad option: the user's to fix (exit 2).
    throw isLroError(error) && error.code === 'REFERENCE'
      ? usageError(error.message, { cause: error })
      : error;
  });
  const tokenCount = Object.keys(config.tokens ?? {}).length;
  process.stdout.write(
    [
      `lro-conformance reference serving ${servedList(config.serviceIds)}`,
      `base URL:    ${server.baseUrl}`,
      `control URL: ${server.controlUrl}`,
      `cancel: ${config.cancelMode}, delay ${config.cancelDelayMs} ms; auth: ${tokenCount === 0 ? 'off' : `${tokenCount} token(s)`}`,
      'stop with Ctrl-C (SIGINT) or SIGTERM',
      '',
    ].join('\n'),
  );
  const signal = await stopSignal();
  await server.close();
  process.stdout.write(`lro-conformance reference stopped (${signal})\n`);
  return 0;
}

/** Every id up to a dozen; a catalogue's worth is counted, not listed. */
function servedList(ids: readonly string[]): string {
  return ids.length <= 12
    ? ids.join(', ')
    : `${ids.length} services (${ids.slice(0, 5).join(', ')}, …; lro-conformance list --catalogue)`;
}

function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
