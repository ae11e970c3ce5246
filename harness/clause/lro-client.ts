/**
 * A typed client for operations.cancel and operations.get over the specs, built on
 * openapi-fetch. It never throws on HTTP status: every answer comes back
 * as an HttpResult with the raw text, because the difference between `{}` and a zero-length
 * body is itself a clause. Names keep their slashes literal (https://github.com/googleapis/googleapis/blob/master/google/api/http.proto:
 * a multi-segment variable keeps its `/`; every binding of the five services is multi-segment); each segment is percent-encoded.
 */
import createClient from 'openapi-fetch';
import type { OperationsPaths, ServiceProfile } from '#specs';
import type { FetchLike } from '../http/index.ts';
import { readOnce } from './rebuilt-response.ts';

export interface HttpResult {
  /** The URL the request went to (credentials not included). */
  readonly url: string;
  readonly status: number;
  readonly headers: Headers;
  /** The body exactly as received ('' for a zero-length body). */
  readonly text: string;
  /** The parsed JSON body, or undefined when the body is empty or not JSON. */
  readonly json: unknown;
}

export interface RequestOptions {
  /**
   * Query parameters, sent as given: Google's system parameters (`alt`, `$.xgafv`, `fields`, …,
   * https://cloud.google.com/apis/docs/system-parameters), which clients add to any call.
   */
  readonly query?: Readonly<Record<string, string>>;
  /**
   * The name as the path carries it, when that is not the name's own encoding: a `%2F` inside a
   * segment, which google/api/http.proto says a server leaves undecoded in a multi-segment name.
   */
  readonly pathName?: string;
}

export interface CancelOptions extends RequestOptions {
  /** The JSON value to send as the body; omitted = no body at all. */
  readonly body?: unknown;
}

export interface LroClient {
  cancel(name: string, options?: CancelOptions): Promise<HttpResult>;
  get(name: string, options?: RequestOptions): Promise<HttpResult>;
  /**
   * Any method on `/{version}/{name}[:verb]`, outside the typed routes: for probes such as a GET
   * on the cancel URL, which the HTTP rules do not bind.
   */
  send(method: string, name: string, verb?: string): Promise<HttpResult>;
}

export function createLroClient(
  profile: ServiceProfile,
  baseUrl: string,
  fetch: FetchLike,
): LroClient {
  const client = createClient<OperationsPaths>({
    baseUrl,
    pathSerializer: (pathname, params) =>
      pathname.replace('{name}', encodeName(String(params.name ?? ''))),
  });
  const cancelPath = `/${profile.version}/{name}:cancel` as '/v1/{name}:cancel';
  const getPath = `/${profile.version}/{name}` as '/v1/{name}';

  // openapi-fetch consumes the body to parse it; the clauses need the raw text (`{}` versus
  // nothing), so each call hands it a fetch that reads the text first and keeps it.
  async function exchange(
    call: (keepingFetch: FetchLike) => Promise<unknown>,
  ): Promise<HttpResult> {
    let kept: HttpResult | undefined;
    await call(async (request) => {
      const { text, response } = await readOnce(await fetch(request));
      kept = {
        url: request.url,
        status: response.status,
        headers: response.headers,
        text,
        json: parseJson(text),
      };
      return response;
    });
    if (!kept) throw new Error('openapi-fetch returned without calling fetch');
    return kept;
  }

  return {
    cancel: (name, options = {}) =>
      exchange((keepingFetch) =>
        client.POST(cancelPath, {
          params: { path: { name } },
          parseAs: 'text',
          fetch: keepingFetch,
          ...serializers(options),
          ...('body' in options
            ? { body: options.body as never, bodySerializer: JSON.stringify }
            : {}),
        }),
      ),
    get: (name, options = {}) =>
      exchange((keepingFetch) =>
        client.GET(getPath, {
          params: { path: { name } },
          parseAs: 'text',
          fetch: keepingFetch,
          ...serializers(options),
        }),
      ),
    send: async (method, name, verb) => {
      const path = `/${profile.version}/${encodeName(name)}${verb === undefined ? '' : `:${verb}`}`;
      const url = `${baseUrl}${path}`;
      return toHttpResult(await fetch(new Request(url, { method })), url);
    },
  };
}

/** Per-request serializers for what RequestOptions asks: the path as given, the query as given. */
function serializers(options: RequestOptions) {
  const { pathName, query } = options;
  return {
    ...(pathName === undefined
      ? {}
      : { pathSerializer: (pathname: string) => pathname.replace('{name}', pathName) }),
    // Keys stay as written (`$.xgafv`, `$alt`): Google front ends read them so (%24 also works).
    ...(query === undefined
      ? {}
      : {
          querySerializer: () =>
            Object.entries(query)
              .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
              .join('&'),
        }),
  };
}

export function encodeName(name: string): string {
  return name.split('/').map(encodeURIComponent).join('/');
}

async function toHttpResult(response: Response, url: string): Promise<HttpResult> {
  const text = await response.text();
  return { url, status: response.status, headers: response.headers, text, json: parseJson(text) };
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
