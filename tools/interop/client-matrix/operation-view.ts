/**
 * The part of a `google.longrunning.Operation` the client matrix compares: `done`, and which of
 * `error` (with its `google.rpc.Status.code`) or `response` is set
 * (https://github.com/googleapis/googleapis/blob/master/google/longrunning/operations.proto).
 * Read the same way from a google-gax protobuf object (unset message fields are `null` there)
 * and from the JSON a Discovery client returns.
 */

export interface OperationView {
  readonly done: boolean;
  readonly errorCode?: number;
  readonly response?: true;
}

export function viewOf(operation: unknown): OperationView {
  const fields = (operation ?? {}) as {
    readonly done?: unknown;
    readonly error?: { readonly code?: unknown } | null;
    readonly response?: unknown;
  };
  const code = fields.error?.code;
  return {
    done: fields.done === true,
    ...(typeof code === 'number' ? { errorCode: code } : {}),
    ...(fields.response !== undefined && fields.response !== null ? { response: true } : {}),
  };
}

export function describeView(view: OperationView): string {
  if (!view.done) return 'done: false';
  const parts = ['done'];
  if (view.errorCode !== undefined) parts.push(`error.code ${view.errorCode}`);
  if (view.response === true) parts.push('response');
  return parts.join(', ');
}

export function sameView(a: OperationView, b: OperationView): boolean {
  return a.done === b.done && a.errorCode === b.errorCode && a.response === b.response;
}
