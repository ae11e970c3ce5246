/**
 * The handlers module behind `--target msw:PATH` (docs/MSW-TARGET.md, docs/decisions/0008-msw-target-module.md):
 * the user's own MSW request handlers for the services' REST paths, plus the control hook that
 * makes operations in the scenarios of docs/CONTROL-PROTOCOL.md. Imported with a dynamic
 * import, checked once, and reduced to the plain shape the msw target uses. Every problem is one
 * INVALID_FILE usage error (exit 2) saying what to export; should the worker that runs the suites
 * meet one anyway, its cell is ERROR (an LroError is never a finding).
 */
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RequestHandler } from 'msw';
import { satisfiesNodeVersion, UsageError } from '#base';
import { serviceIds, serviceProfile } from '#specs';
import type { Scenario } from '../control/index.ts';

/** What a handlers module exports (named exports, or the same keys on its default export). */
export interface MswTargetModule {
  /** MSW request handlers (`http.get(…)`, `http.post(…)`) answering GetOperation and cancel. */
  readonly handlers: readonly RequestHandler[];
  /**
   * The control hook: creates a new operation of `service` in `scenario` and returns its full
   * resource name, e.g. `accounts/a/apps/b/operations/op-1` (docs/CONTROL-PROTOCOL.md).
   */
  createOperation(service: string, scenario: Scenario): string | Promise<string>;
  /**
   * Where each service's paths hang from: one base URL for every service, or one per service id.
   * A service without one is reached at its real origin, `https://<service host>`.
   */
  readonly baseUrl?: string | Readonly<Record<string, string>>;
  /** The service ids the handlers serve; a run without --service checks exactly these. */
  readonly services?: readonly string[];
}

/** A checked handlers module. */
export interface MswHandlersModule {
  readonly handlers: readonly RequestHandler[];
  /** The module's control hook, called as a method of what exported it. */
  createOperation(service: string, scenario: Scenario): Promise<unknown>;
  /** The declared services, if the module declares them. */
  readonly services: readonly string[] | undefined;
  /** The base URL the service's paths hang from, without a trailing slash. */
  baseUrlOf(serviceId: string): string;
}

/** Extensions Node can import: JavaScript, and TypeScript where Node strips types. */
export const MSW_MODULE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'] as const;
const TYPESCRIPT = new Set(['.ts', '.mts', '.cts']);
/** The first Node.js 22 that strips types without a flag (its 22.18.0 release notes). */
const STRIPS_TYPES_BY_DEFAULT = '22.18.0';

/** Imports and checks the module at `path` (absolute); `source` names it in messages. */
export async function loadMswModule(path: string, source: string): Promise<MswHandlersModule> {
  const invalid = (problem: string, cause?: unknown) =>
    new InvalidMswModuleError(source, problem, cause);
  const extension = extname(path);
  if (!(MSW_MODULE_EXTENSIONS as readonly string[]).includes(extension)) {
    throw invalid(`a handlers module is a .js or .ts file (${MSW_MODULE_EXTENSIONS.join(', ')})`);
  }
  if (!existsSync(path)) throw invalid(`no such file (${path})`);
  if (TYPESCRIPT.has(extension) && !process.features.typescript) {
    throw invalid(
      satisfiesNodeVersion(process.versions.node, STRIPS_TYPES_BY_DEFAULT)
        ? `Node.js ${process.version} runs with type stripping turned off: drop --no-experimental-strip-types, or compile the module to .js`
        : `Node.js ${process.version} cannot load TypeScript: use Node.js ${STRIPS_TYPES_BY_DEFAULT} or later, set NODE_OPTIONS=--experimental-strip-types, or compile the module to .js`,
    );
  }
  let namespace: Record<string, unknown>;
  try {
    namespace = await import(pathToFileURL(path).href);
  } catch (error) {
    throw invalid(importProblem(error), error);
  }
  return checkExports(exportsOf(namespace), invalid);
}

function importProblem(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = firstLine(error instanceof Error ? error.message : String(error));
  switch (code) {
    case 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX':
      return `uses TypeScript that Node.js cannot strip (${message}): keep to erasable syntax (no enum, namespace or parameter properties) or compile it to .js`;
    case 'ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING':
      return 'Node.js does not strip types in files under node_modules: point at a compiled .js module';
    case 'ERR_UNKNOWN_FILE_EXTENSION':
      return `Node.js ${process.version} cannot load it (${message}): use Node.js 22.18 or later, or compile it to .js`;
    default:
      return `importing it failed: ${message}`;
  }
}

/** Named exports, else an object default export (a CommonJS `module.exports = {…}`). */
function exportsOf(namespace: Record<string, unknown>): Record<string, unknown> {
  if ('handlers' in namespace || 'createOperation' in namespace) return namespace;
  const fallback = namespace.default;
  return typeof fallback === 'object' && fallback !== null
    ? (fallback as Record<string, unknown>)
    : namespace;
}

type Invalid = (problem: string) => InvalidMswModuleError;

function checkExports(exported: Record<string, unknown>, invalid: Invalid): MswHandlersModule {
  const handlers = checkHandlers(exported.handlers, invalid);
  const hook = exported.createOperation;
  if (typeof hook !== 'function') {
    throw invalid(
      'exports no createOperation(service, scenario) function: the control hook that makes operations (docs/MSW-TARGET.md)',
    );
  }
  const services = checkServices(exported.services, invalid);
  const baseUrlOf = checkBaseUrl(exported.baseUrl, invalid);
  return {
    handlers,
    createOperation: async (service, scenario) => hook.call(exported, service, scenario),
    services,
    baseUrlOf,
  };
}

function checkHandlers(value: unknown, invalid: Invalid): readonly RequestHandler[] {
  if (value === undefined) {
    throw invalid(
      'exports no handlers: export const handlers = [http.get(…), http.post(…)] (docs/MSW-TARGET.md)',
    );
  }
  if (!Array.isArray(value) || value.length === 0) {
    throw invalid('handlers must be a non-empty array of MSW request handlers');
  }
  const odd = value.findIndex(
    (handler) => typeof (handler as { run?: unknown } | null)?.run !== 'function',
  );
  if (odd !== -1) {
    throw invalid(
      `handlers[${odd}] is not an MSW request handler (made with http.get, http.post, … from msw)`,
    );
  }
  return value as RequestHandler[];
}

function checkServices(value: unknown, invalid: Invalid): readonly string[] | undefined {
  if (value === undefined) return undefined;
  const known = serviceIds();
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    !value.every((id): id is string => typeof id === 'string')
  ) {
    throw invalid(`services must be a non-empty array of service ids (${known.join(', ')})`);
  }
  const unknown = value.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    throw invalid(
      `services names unknown service "${unknown.join('", "')}" (known: ${known.join(', ')})`,
    );
  }
  return value;
}

function checkBaseUrl(value: unknown, invalid: Invalid): (serviceId: string) => string {
  const realOrigin = (serviceId: string) =>
    `https://${serviceProfile(serviceId)?.host ?? serviceId}`;
  if (value === undefined) return realOrigin;
  if (typeof value === 'string') {
    const base = httpUrl(value, 'baseUrl', invalid);
    return () => base;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid('baseUrl must be a URL, or an object of URLs by service id');
  }
  const known = serviceIds();
  const bases = new Map<string, string>();
  for (const [id, url] of Object.entries(value)) {
    if (!known.includes(id)) {
      throw invalid(`baseUrl names unknown service "${id}" (known: ${known.join(', ')})`);
    }
    bases.set(id, httpUrl(url, `baseUrl.${id}`, invalid));
  }
  return (serviceId) => bases.get(serviceId) ?? realOrigin(serviceId);
}

function httpUrl(value: unknown, what: string, invalid: Invalid): string {
  const text = typeof value === 'string' ? value : '';
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw invalid(`${what} must be an absolute http(s) URL, not ${JSON.stringify(value)}`);
  }
  return text.replace(/\/+$/, '');
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}

/**
 * A handlers module that cannot serve as a target: one line naming it (INVALID_FILE, exit 2). It
 * keeps the problem apart, so runConformance can name its own option instead of the flag.
 */
export class InvalidMswModuleError extends UsageError {
  override readonly name: string = 'InvalidMswModuleError';
  /** The module as the user named it. */
  readonly source: string;
  /** What is wrong with it, without the flag. */
  readonly problem: string;

  constructor(source: string, problem: string, cause?: unknown) {
    super(`--target msw:${source}: ${problem}`, {
      code: 'INVALID_FILE',
      ...(cause === undefined ? {} : { cause }),
    });
    this.source = source;
    this.problem = problem;
  }
}
