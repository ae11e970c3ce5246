/**
 * The operations methods once a request is routed, authorised and its body read
 * (`google/longrunning/operations.proto`): GetOperation, CancelOperation, DeleteOperation,
 * ListOperations and WaitOperation. Cancel answers `{}` (google.protobuf.Empty, "an empty JSON object" in the service pages;
 * never a zero-length 200, which google-gax rejects), or 501 UNIMPLEMENTED when the service's cancel
 * mode says the server does not support it (the service pages: "If the server doesn't support
 * this method, it returns google.rpc.Code.UNIMPLEMENTED"). WaitOperation returns the current
 * state at once, which operations.proto allows ("best-effort … may return the latest state before
 * the specified timeout (including immediately)").
 */
import type { ServiceProfile } from '#specs';
import type { CancelMode } from '../../control/index.ts';
import { applyCancel } from './cancel.ts';
import { errorResponse } from './error-envelope.ts';
import { jsonResponse, type ModelResponse } from './model-request.ts';
import { operationAt } from './operation-state.ts';
import type { OperationStore, StoredOperation } from './operation-store.ts';
import type { RouteMatch } from './route.ts';

export interface MethodContext {
  readonly store: OperationStore;
  readonly now: number;
  readonly cancelDelayMs: number;
  readonly cancelMode: CancelMode;
}

export function runOperationsMethod(
  context: MethodContext,
  match: RouteMatch,
  operation: StoredOperation | undefined,
  query: URLSearchParams,
): ModelResponse {
  const { profile, method } = match.route;
  if (method.verb === 'list') return listOperations(context, match, query);
  if (method.verb === 'cancel' && context.cancelMode === 'unimplemented') {
    return errorResponse(
      'UNIMPLEMENTED',
      `Operation cancellation is not supported by ${profile.host}.`,
      { reason: 'CANCEL_NOT_SUPPORTED', domain: profile.host, metadata: { method: method.id } },
    );
  }
  if (operation === undefined) return notFound(profile, match.name);
  switch (method.verb) {
    case 'cancel': {
      const mode =
        context.cancelMode === 'completes-despite-cancel' ? 'completes-despite-cancel' : 'honor';
      context.store.replace(applyCancel(operation, context.now, context.cancelDelayMs, mode));
      return jsonResponse(200, {});
    }
    case 'delete':
      context.store.delete(operation.name);
      return jsonResponse(200, {});
    case 'get':
    case 'wait':
      return jsonResponse(200, operationAt(operation, context.now, context.cancelDelayMs));
  }
}

export function notFound(profile: ServiceProfile, name: string): ModelResponse {
  return errorResponse('NOT_FOUND', `Operation "${name}" not found.`, {
    reason: 'OPERATION_NOT_FOUND',
    domain: profile.host,
    metadata: { name },
  });
}

/**
 * ListOperations pages as AIP-158 describes: a `pageSize` of 0 or none gets the default page size,
 * one above the maximum is coerced down to it (docs/REFERENCE.md), so one request never answers
 * every operation at once. Page tokens are the decimal offset of the next page; proto3 JSON omits
 * empty fields.
 */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

function listOperations(
  context: MethodContext,
  match: RouteMatch,
  query: URLSearchParams,
): ModelResponse {
  const { profile } = match.route;
  const invalid = (message: string, field: string) =>
    errorResponse('INVALID_ARGUMENT', message, {
      reason: 'INVALID_LIST_REQUEST',
      domain: profile.host,
      metadata: { field },
    });
  if ((query.get('filter') ?? '') !== '') {
    return invalid(
      'The reference implementation does not support list filters; omit "filter".',
      'filter',
    );
  }
  const askedSize = Number(query.get('pageSize') ?? '0');
  if (!Number.isInteger(askedSize) || askedSize < 0) {
    return invalid(
      `Invalid pageSize "${query.get('pageSize')}": expected a non-negative integer.`,
      'pageSize',
    );
  }
  const token = query.get('pageToken') ?? '';
  const offset = token === '' ? 0 : Number(token);
  if (!Number.isInteger(offset) || offset < 0) {
    return invalid(
      `Invalid pageToken "${token}": pass the nextPageToken of a previous page.`,
      'pageToken',
    );
  }
  const after = match.route.shape?.after ?? [];
  const prefix = [match.name, ...after].join('/');
  const all = context.store.list(profile.id, `${prefix}/`);
  const pageSize = askedSize === 0 ? DEFAULT_PAGE_SIZE : Math.min(askedSize, MAX_PAGE_SIZE);
  const end = Math.min(all.length, offset + pageSize);
  const operations = all
    .slice(offset, end)
    .map((operation) => operationAt(operation, context.now, context.cancelDelayMs));
  return jsonResponse(200, {
    ...(operations.length > 0 ? { operations } : {}),
    ...(end < all.length ? { nextPageToken: String(end) } : {}),
  });
}
