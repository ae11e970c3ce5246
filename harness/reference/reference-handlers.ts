/**
 * MSW handlers over the reference behaviour model (msw 3, `msw/http`). Without `baseUrl` they
 * intercept each served service's real origin (`https://checks.googleapis.com`), so client code
 * pointed at Google's endpoints meets the reference; with `baseUrl` everything, control protocol
 * included, is served under that base. Either way every request the handlers intercept is answered:
 * an unrouted path gets the 404 NOT_FOUND envelope, as the HTTP server sends, so a test never
 * reaches the real Google by accident. Put your own handlers for the same hosts before these.
 */
import { type HttpHandler, http } from 'msw';
import { HarnessError } from '#base';
import { routeNotFound } from './model/error-envelope.ts';
import {
  createReferenceModel,
  type ReferenceModel,
  type ReferenceModelOptions,
} from './model/reference-model.ts';
import { toModelRequest, toResponse } from './model-exchange.ts';

export interface ReferenceHandlersOptions extends ReferenceModelOptions {
  /** An existing model to serve (to share it with a server or create operations directly). */
  readonly model?: ReferenceModel | undefined;
  /** Serve under this base (e.g. `http://reference.test`) instead of the services' real origins. */
  readonly baseUrl?: string | undefined;
}

export function createReferenceHandlers(options: ReferenceHandlersOptions = {}): HttpHandler[] {
  return referenceHandlers(options).handlers;
}

/** The handlers and the model they serve (createReferenceFetch needs both). */
export function referenceHandlers(options: ReferenceHandlersOptions): {
  readonly handlers: HttpHandler[];
  readonly model: ReferenceModel;
} {
  const model = modelOf(options);
  if (options.baseUrl !== undefined) {
    return { handlers: [baseUrlHandler(model, options.baseUrl)], model };
  }
  const hosts = [...new Set(model.profiles.map((profile) => profile.host))];
  const handlers = hosts.map((host) => {
    const origin = `https://${host}`;
    return http.all(
      ({ request }) => new URL(request.url).origin === origin,
      async ({ request }) => answer(model, request, pathOf(new URL(request.url)), host),
    );
  });
  return { handlers, model };
}

function baseUrlHandler(model: ReferenceModel, baseUrl: string): HttpHandler {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch (error) {
    throw new HarnessError(
      `baseUrl "${baseUrl}" is not an absolute URL, e.g. "http://reference.test".`,
      { code: 'REFERENCE', cause: error },
    );
  }
  const basePath = base.pathname.replace(/\/+$/, '');
  const under = (url: URL) =>
    url.origin === base.origin &&
    (url.pathname === basePath || url.pathname.startsWith(`${basePath}/`));
  return http.all(
    ({ request }) => under(new URL(request.url)),
    async ({ request }) => {
      const url = new URL(request.url);
      return answer(model, request, pathOf(url).slice(basePath.length) || '/');
    },
  );
}

async function answer(
  model: ReferenceModel,
  request: Request,
  path: string,
  host?: string,
): Promise<Response> {
  const modelRequest = await toModelRequest(request, path, host);
  return toResponse(model.handle(modelRequest) ?? routeNotFound(modelRequest.method, path));
}

function pathOf(url: URL): string {
  return `${url.pathname}${url.search}`;
}

function modelOf(options: ReferenceHandlersOptions): ReferenceModel {
  const { model, baseUrl: _baseUrl, ...modelOptions } = options;
  if (model === undefined) return createReferenceModel(modelOptions);
  const extra = Object.entries(modelOptions).filter(([, value]) => value !== undefined);
  if (extra.length > 0) {
    throw new HarnessError(
      `Pass either \`model\` or model options, not both: ${extra.map(([key]) => key).join(', ')} would be ignored.`,
      { code: 'REFERENCE' },
    );
  }
  return model;
}
