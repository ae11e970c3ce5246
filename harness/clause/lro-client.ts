/**
 * A typed client for operations.cancel and operations.get over the specs, built on
 * openapi-fetch. It never throws on HTTP status: every answer comes back
 * as an HttpResult with the raw text, because the difference between `{}` and a zero-length
 * body is itself a clause. Names keep their slashes literal (https://github.com/googleapis/googleapis/blob/master/google/api/http.proto:
 * a multi-segment variable keeps its `/`; every binding of the five services is multi-segment); each segment is percent-encoded.
 * The URL and the HTTP method of each call come from the profile's HTTP rules: the text around
 * `{name=…}` (`/v1/admin/{name=…}:cancel` of pubsublite) and the rule's method (datalabeling binds
 * its cancel to GET).
 */
import createClient from 'openapi-fetch';
import { HarnessError } from '#base';
import type { OperationsMethod, OperationsPaths, ServiceProfile } from '#specs';
import { nameVariableOf } from '#specs';
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
  const cancelPath = pathKeyOf(profile.cancel) as '/v1/{name}:cancel';
  const getPath = (profile.get === undefined ? undefined : pathKeyOf(profile.get)) as '/v1/{name}';

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
    cancel: (name, options = {}) => {
      if (profile.cancel.httpMethod === 'GET') {
        if ('body' in options) {
          throw new HarnessError(
            `${profile.id} binds its cancel to GET, which carries no body; the clause must not send one`,
          );
        }
        return exchange((keepingFetch) =>
          client.GET(cancelPath as unknown as '/v1/{name}', {
            params: { path: { name } },
            parseAs: 'text',
            fetch: keepingFetch,
            ...serializers(options),
          }),
        );
      }
      return exchange((keepingFetch) =>
        client.POST(cancelPath, {
          params: { path: { name } },
          parseAs: 'text',
          fetch: keepingFetch,
          ...serializers(options),
          ...('body' in options
            ? { body: options.body as never, bodySerializer: JSON.stringify }
            : {}),
        }),
      );
    },
    get: (name, options = {}) => {
      if (profile.get === undefined) {
        throw new HarnessError(
          `${profile.id} publishes no get; the clause must declare that it calls get (ClauseInfo.calls)`,
        );
      }
      return exchange((keepingFetch) =>
        client.GET(getPath, {
          params: { path: { name } },
          parseAs: 'text',
          fetch: keepingFetch,
          ...serializers(options),
        }),
      );
    },
    send: async (method, name, verb) => {
      const rule =
        verb === 'cancel'
          ? profile.cancel
          : profile.methods.find((candidate) => verbOf(candidate) === verb);
      const path =
        rule === undefined
          ? `/${profile.version}/${encodeName(name)}${verb === undefined ? '' : `:${verb}`}`
          : pathKeyOf(rule).replace('{name}', encodeName(name));
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

/** The rule as a path with `{name}` where the name goes: `/v1/{name}:cancel`, `/v1/admin/{name}`. */
function pathKeyOf(method: OperationsMethod): string {
  const variable = nameVariableOf(method.httpRule);
  if (variable === undefined) {
    throw new HarnessError(`${method.id}: its HTTP rule ${method.httpRule} binds no name`);
  }
  return `${variable.before}{name}${variable.after}`;
}

/** The custom verb of a rule (`cancel` of `…:cancel`), undefined for a plain path. */
function verbOf(method: OperationsMethod): string | undefined {
  return nameVariableOf(method.httpRule)?.after.match(/:([A-Za-z]+)$/)?.[1];
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
