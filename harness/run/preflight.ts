/**
 * Before any suite runs against a URL target: is the target there, does its control endpoint
 * speak the control protocol (docs/CONTROL-PROTOCOL.md), and which services does it serve? A
 * target that cannot be reached stops the run with one line and exit 3; a control URL that is
 * not a control endpoint stops it with exit 2, instead of a matrix full of ERROR cells.
 */

import { UnavailableError, usageError } from '#base';
import { CONTROL_PATH } from '../control/index.ts';

export interface PreflightResult {
  /** Services the control endpoint says it serves; undefined when it does not say (or none). */
  readonly servedServices: readonly string[] | undefined;
}

export interface PreflightOptions {
  readonly baseUrl: string;
  /** Undefined when the run has no control endpoint (`--control none`). */
  readonly controlUrl: string | undefined;
  readonly timeoutMs: number;
  /** A service to create a probe operation for, when `GET {control}` does not describe the target. */
  readonly probeService: string;
  /** The option that gives the control URL, as messages name it (default `--control`). */
  readonly controlOption?: string;
}

export async function preflight(options: PreflightOptions): Promise<PreflightResult> {
  const { controlUrl, timeoutMs } = options;
  await reach(options.baseUrl, 'target', timeoutMs);
  if (controlUrl === undefined) return { servedServices: undefined };
  const described = await reach(controlUrl, 'control endpoint', timeoutMs);
  const services = described.ok ? servicesIn(await described.text()) : undefined;
  if (services !== undefined) return { servedServices: services };
  // `GET {control}` is optional: an endpoint that creates operations is a control endpoint too.
  const created = await reach(`${controlUrl}/operations`, 'control endpoint', timeoutMs, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ service: options.probeService, scenario: 'done' }),
  });
  if (created.status === 201) return { servedServices: undefined };
  const control = options.controlOption ?? '--control';
  throw usageError(
    `no control endpoint at ${controlUrl} (GET answered ${described.status}, POST ${CONTROL_PATH}/operations answered ${created.status}): ` +
      `pass the control URL with ${control} URL (docs/CONTROL-PROTOCOL.md), or ${control} none to run only the clauses that need none`,
  );
}

/** Narrows the requested services to what the target serves, or fails when one is not served. */
export function selectServices(
  requested: readonly string[] | undefined,
  all: readonly string[],
  served: readonly string[] | undefined,
): readonly string[] {
  if (!served) return requested ?? all;
  if (!requested) return all.filter((id) => served.includes(id));
  const missing = requested.filter((id) => !served.includes(id));
  if (missing.length > 0) {
    throw usageError(
      `the target does not serve ${missing.join(', ')} (its control endpoint lists ${served.join(', ')})`,
    );
  }
  return requested;
}

async function reach(
  url: string,
  what: string,
  timeoutMs: number,
  init: RequestInit = {},
): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = (error as Error).cause as { code?: string; message?: string } | undefined;
    const reason = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new UnavailableError(`cannot reach the ${what} at ${url} (${reason})`, {
      code: 'UNREACHABLE',
      cause: error,
    });
  }
}

function servicesIn(text: string): readonly string[] | undefined {
  try {
    const services = (JSON.parse(text) as { services?: unknown }).services;
    return Array.isArray(services) && services.every((s) => typeof s === 'string')
      ? services
      : undefined;
  } catch {
    return undefined;
  }
}
