/**
 * A fetch-shaped function over the reference's MSW handlers, built on msw's `getResponse`
 * (no global patching, no socket). A request no handler answers gets the same 404 NOT_FOUND
 * envelope as the HTTP server, so callers always see an AIP-193 answer. The harness's embedded reference
 * target is built on it.
 */
import { getResponse } from 'msw';
import { routeNotFound } from './model/error-envelope.ts';
import type { ReferenceModel } from './model/reference-model.ts';
import { toResponse } from './model-exchange.ts';
import { type ReferenceHandlersOptions, referenceHandlers } from './reference-handlers.ts';

export type ReferenceFetch = ((request: Request) => Promise<Response>) & {
  /** The model behind the handlers, to create or inspect operations without HTTP. */
  readonly model: ReferenceModel;
};

export function createReferenceFetch(options: ReferenceHandlersOptions = {}): ReferenceFetch {
  const { handlers, model } = referenceHandlers(options);
  const fetch = async (request: Request): Promise<Response> => {
    const response = await getResponse(handlers, request);
    if (response !== undefined) return response;
    const url = new URL(request.url);
    return toResponse(routeNotFound(request.method, `${url.pathname}${url.search}`));
  };
  return Object.assign(fetch, { model });
}
