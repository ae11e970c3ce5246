/**
 * The five operations calls of a google-gax based client (a GAPIC client, or gax's own
 * OperationsClient): `getOperation`, `cancelOperation`, a check-progress helper that wraps the
 * operation in gax's `Operation`, and that Operation's `cancel()` and `promise()`
 * (https://github.com/googleapis/gax-nodejs/blob/main/client-libraries.md#long-running-operations).
 * Each client module supplies the three primitives; this module makes the calls the same way for
 * all of them.
 */
import type { CallHooks, CallSpec } from './client-under-test.ts';
import type { CallAnswer } from './judge-call.ts';
import { viewOf } from './operation-view.ts';

/** The part of gax's `Operation` (gax 5 and 6 alike) the matrix uses. */
export interface LroOperation {
  /** The raw `google.longrunning.Operation` last read. */
  readonly latestResponse: unknown;
  cancel(): Promise<unknown>;
  /** Resolves `[response, metadata, rawOperation]`; rejects with the operation's error. */
  promise(): Promise<unknown>;
}

export interface GaxStylePrimitives {
  /** Resolves the raw operation (the first element of gax's answer). */
  getOperation(name: string): Promise<unknown>;
  /** Resolves the decoded response message. */
  cancelOperation(name: string): Promise<unknown>;
  checkProgress(name: string): Promise<LroOperation>;
}

/** The calls, labelled with the client's own check-progress helper. */
export function gaxStyleCalls(checkProgress: string): readonly CallSpec[] {
  return [
    { id: 'get', label: '`getOperation({name})`', kind: 'get' },
    { id: 'cancel', label: '`cancelOperation({name})`', kind: 'cancel' },
    { id: 'check-progress', label: checkProgress, kind: 'check-progress' },
    { id: 'lro-cancel', label: '… then `operation.cancel()`', kind: 'lro-cancel' },
    { id: 'lro-promise', label: '… then `operation.promise()`', kind: 'lro-promise' },
  ];
}

export async function invokeGaxStyle(
  client: GaxStylePrimitives,
  call: CallSpec,
  name: string,
  hooks: CallHooks,
): Promise<CallAnswer> {
  switch (call.kind) {
    case 'get':
      return { operation: viewOf(await client.getOperation(name)) };
    case 'cancel':
      return { resolved: summarise(await client.cancelOperation(name)) };
    case 'check-progress':
      return { operation: viewOf((await client.checkProgress(name)).latestResponse) };
    case 'lro-cancel': {
      const operation = await client.checkProgress(name);
      return { resolved: summarise(firstOf(await operation.cancel())) };
    }
    case 'lro-promise': {
      const operation = await client.checkProgress(name);
      await hooks.beforeAwait();
      const settled = await operation.promise();
      return { operation: viewOf(Array.isArray(settled) ? settled[2] : undefined) };
    }
  }
}

/** gax resolves every call to `[response, …]`, though some typings say otherwise. */
export function firstOf(result: unknown): unknown {
  return Array.isArray(result) ? result[0] : result;
}

function summarise(message: unknown): string {
  return JSON.stringify(message ?? null);
}
