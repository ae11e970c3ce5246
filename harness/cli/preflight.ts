/**
 * Before any suite runs against a URL target: is the target there, is its control endpoint
 * there, and which services does it serve? Unreachable means exit 3 with one line, not a matrix
 * full of ERROR cells.
 */
import { unreachableError, usageError } from './cli-errors.ts';

export interface PreflightResult {
  /** Services the control endpoint says it serves; undefined when it does not say. */
  readonly servedServices: readonly string[] | undefined;
}

export async function preflight(
  baseUrl: string,
  controlUrl: string,
  timeoutMs: number,
): Promise<PreflightResult> {
  await reach(baseUrl, 'target', timeoutMs);
  const control = await reach(controlUrl, 'control endpoint', timeoutMs);
  if (control.status >= 500) {
    throw unreachableError(
      `control endpoint ${controlUrl} answered ${control.status}: is it the control URL of the target?`,
    );
  }
  return { servedServices: control.ok ? servicesIn(await control.text()) : undefined };
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

async function reach(url: string, what: string, timeoutMs: number): Promise<Response> {
  try {
    return await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = (error as Error).cause as { code?: string; message?: string } | undefined;
    const reason = cause?.code ?? cause?.message ?? (error as Error).message;
    throw unreachableError(`cannot reach the ${what} at ${url} (${reason})`, error);
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
