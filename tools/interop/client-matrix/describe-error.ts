/**
 * The exact error a client call rejected with, as one line: the error's class (its constructor's
 * name, since google-gax's GoogleError keeps `name` "Error"), its `google.rpc.Code` when it
 * carries one (GoogleError's numeric `code`, named as in
 * https://github.com/googleapis/googleapis/blob/master/google/rpc/code.proto) or its HTTP status
 * (gaxios, which the Discovery clients use), then the first line of the message, unchanged.
 */
import { rpcCodeByNumber } from '#specs';

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `non-Error rejection: ${String(error)}`;
  const className = error.constructor.name === '' ? error.name : error.constructor.name;
  return `${className}${qualifierOf(error)}: ${error.message.split('\n')[0] ?? ''}`;
}

/**
 * The numeric google.rpc.Code an error carries, if any. gaxios errors carry the HTTP status in
 * `status` and, at times, in `code` too: theirs is never an RPC code.
 */
export function rpcCodeOf(error: unknown): number | undefined {
  const { code, status } = (error ?? {}) as { code?: unknown; status?: unknown };
  return typeof code === 'number' && typeof status !== 'number' ? code : undefined;
}

function qualifierOf(error: Error): string {
  const { status } = error as { status?: unknown };
  if (typeof status === 'number') return ` (HTTP ${status})`;
  const code = rpcCodeOf(error);
  if (code === undefined) return '';
  const name = rpcCodeByNumber(code)?.name;
  return ` (code ${code}${name === undefined ? '' : ` ${name}`})`;
}
