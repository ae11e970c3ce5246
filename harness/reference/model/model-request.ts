/**
 * The transport-free request and response the behaviour model speaks. Both adapters (MSW and the
 * node:http server) translate to and from these, so the behaviour is written once.
 */

export interface ModelRequest {
  /** Upper-case HTTP method. */
  readonly method: string;
  /** Path and query exactly as on the wire, relative to the base URL: `/v1/operations/x:cancel?$alt=json`. */
  readonly path: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The request body as text; `undefined` when the request carried no body (or zero bytes). */
  readonly body: string | undefined;
  /**
   * The host the request was addressed to, when the adapter intercepts a service's real origin
   * (`checks.googleapis.com`): only that host's services are routed. Omitted by the shared server.
   */
  readonly host?: string;
}

export interface ModelResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** A JSON value the adapter serialises with `JSON.stringify`; `undefined` sends no body. */
  readonly body: unknown;
  /** Sent as is instead of `body` (an HTML page, text): only deliberate faults use it. */
  readonly rawBody?: string;
}

/** The bytes an adapter sends for a response. */
export function serialisedBody(response: ModelResponse): string | undefined {
  if (response.rawBody !== undefined) return response.rawBody;
  return response.body === undefined ? undefined : JSON.stringify(response.body);
}

export const JSON_CONTENT_TYPE = 'application/json; charset=UTF-8';

export function jsonResponse(
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): ModelResponse {
  return { status, headers: { 'content-type': JSON_CONTENT_TYPE, ...headers }, body };
}

/** Splits `/v1/x:cancel?a=1` into the raw path and its parsed query. */
export function splitPath(path: string): {
  readonly path: string;
  readonly query: URLSearchParams;
} {
  const at = path.indexOf('?');
  if (at === -1) return { path, query: new URLSearchParams() };
  return { path: path.slice(0, at), query: new URLSearchParams(path.slice(at + 1)) };
}
