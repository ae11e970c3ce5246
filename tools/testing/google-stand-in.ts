/**
 * A loopback stand-in for Google's API front end (test-only), in front of the reference behaviour
 * model, so live mode is tested without the internet. Every service is served under one base URL,
 * path-routed like the reference server; `--endpoint SERVICE=<baseUrl>` points each service at it.
 * What it adds to the reference, in the order a Google front end checks:
 *
 * 1. optional throttling: the next N requests get 429 RESOURCE_EXHAUSTED (or 503 UNAVAILABLE)
 *    with `Retry-After` (RFC 9110 §10.2.3);
 * 2. a path no URL binding matches gets an HTML 404 page, not JSON, as Google's front end sends;
 * 3. no bearer token: 401 UNAUTHENTICATED, `WWW-Authenticate: Bearer realm=…`, ErrorInfo
 *    CREDENTIALS_MISSING; a token it did not issue: 401 ACCESS_TOKEN_INVALID (AIP-193, RFC 6750);
 * 4. a token without a documented scope: 403 ACCESS_TOKEN_SCOPE_INSUFFICIENT;
 * 5. a well-formed name under a parent the caller does not own: 403 PERMISSION_DENIED, "(or it
 *    may not exist)", before existence is looked at (AIP-211: permission is checked before
 *    existence, so 403 never reveals whether a resource exists);
 * 6. the reference model for everything else (400, 404, 501, the operations themselves).
 *
 * Every request is logged unscrubbed, so a test can assert what was sent (e.g. that no cancel
 * reached an operation the user did not allow). With `echoCredentials` the stand-in behaves like
 * a careless server and repeats the credentials it was sent in its error messages, so a test can
 * show that the scrubber catches them in bodies too.
 */
import type { ServiceProfile } from '#specs';
import {
  authenticate,
  canCall,
  isCaller,
  permissionDenied,
} from '../../harness/reference/model/auth.ts';
import { isControlPath } from '../../harness/reference/model/control.ts';
import { errorResponse, FRONT_END_DOMAIN } from '../../harness/reference/model/error-envelope.ts';
import { type ModelResponse, splitPath } from '../../harness/reference/model/model-request.ts';
import {
  createReferenceModel,
  type ReferenceModel,
  type ReferenceModelOptions,
} from '../../harness/reference/model/reference-model.ts';
import { buildRoutes, type Route, routeRequest } from '../../harness/reference/model/route.ts';
import {
  type LoggedRequest,
  type LoopbackServer,
  type PlainResponse,
  startLoopbackServer,
} from './loopback-server.ts';
import { TokenAuthority } from './token-authority.ts';

export interface GoogleStandInOptions
  extends Pick<ReferenceModelOptions, 'clock' | 'cancelDelayMs' | 'cancelMode'> {
  /** Issues and knows the tokens; a new one by default. */
  readonly authority?: TokenAuthority | undefined;
  readonly profiles?: readonly ServiceProfile[] | undefined;
  /** Also serve the test-control endpoint, which Google does not have. Off by default. */
  readonly control?: boolean | undefined;
  /** Repeat the request's credential headers in every JSON error message. Off by default. */
  readonly echoCredentials?: boolean | undefined;
}

export interface Throttle {
  readonly status?: 429 | 503;
  /** The `Retry-After` value as sent: delta-seconds or an HTTP date; none when omitted. */
  readonly retryAfter?: string;
}

export interface GoogleStandIn {
  readonly baseUrl: string;
  readonly authority: TokenAuthority;
  readonly model: ReferenceModel;
  /** Every request received, unscrubbed, oldest first. */
  readonly requests: readonly LoggedRequest[];
  /** Answers the next `count` requests with 429 (or 503), whatever they ask. */
  throttleNext(count: number, throttle?: Throttle): void;
  clearLog(): void;
  close(): Promise<void>;
}

export async function startGoogleStandIn(
  options: GoogleStandInOptions = {},
): Promise<GoogleStandIn> {
  const authority = options.authority ?? new TokenAuthority();
  const auth = { tokens: authority.scopesByToken };
  const model = createReferenceModel({
    profiles: options.profiles,
    clock: options.clock,
    cancelDelayMs: options.cancelDelayMs,
    cancelMode: options.cancelMode,
    auth,
  });
  const routes = buildRoutes(model.profiles);
  const throttles: Throttle[] = [];

  const answer = (request: LoggedRequest): PlainResponse => {
    const throttle = throttles.shift();
    if (throttle !== undefined) return fromModel(throttled(throttle));
    const { path } = splitPath(request.path);
    const method = request.method.toUpperCase();
    if (isControlPath(path)) {
      return options.control === true
        ? fromModel(model.handle(request) ?? notFoundJson())
        : htmlNotFound(path);
    }
    const routing = routeRequest(routes, method, path);
    if (routing === undefined) return htmlNotFound(path);
    const caller = authenticate(auth, request.headers);
    if (!isCaller(caller)) return fromModel(caller);
    const candidates =
      routing.kind === 'matched' ? routing.matches.map((match) => match.route) : [routing.route];
    const callable = candidates.filter((route) => canCall(caller, route.method));
    const [first] = candidates;
    if (callable.length === 0 && first !== undefined) {
      return fromModel(permissionDenied(first.method, first.profile.host));
    }
    const name = routing.kind === 'matched' ? routing.matches[0].name : routing.name;
    const principal = authority.lookup(bearerToken(request.headers) ?? '')?.principal ?? '';
    const route = callable[0] ?? first;
    // IAM is checked on the resource a well-formed name names; a malformed one names none, and
    // goes on to the method, which rejects it (400 or 404).
    if (route !== undefined && routing.kind === 'matched' && !authority.owns(principal, name)) {
      return fromModel(iamDenied(route, name));
    }
    return fromModel(model.handle(request) ?? notFoundJson());
  };

  const server: LoopbackServer = await startLoopbackServer((request) =>
    options.echoCredentials === true ? echoing(request, answer(request)) : answer(request),
  );
  return {
    baseUrl: server.baseUrl,
    authority,
    model,
    requests: server.requests,
    throttleNext: (count, throttle = {}) => {
      for (let i = 0; i < count; i += 1) throttles.push(throttle);
    },
    clearLog: () => server.clearLog(),
    close: () => server.close(),
  };
}

const ECHOED_HEADERS = ['authorization', 'x-goog-api-key', 'x-goog-user-project'];

/** The answer, its error message extended with the credential headers of the request. */
function echoing(request: LoggedRequest, response: PlainResponse): PlainResponse {
  // Bare values, without the header name or scheme: only scrubbing by value can catch them.
  const sent = ECHOED_HEADERS.flatMap((name) => {
    const value = request.headers[name]?.replace(/^\s*bearer\s+/i, '');
    return value === undefined ? [] : [value];
  });
  if (response.body === undefined || sent.length === 0) return response;
  try {
    const body = JSON.parse(response.body) as { error?: { message?: string } };
    if (body.error === undefined) return response;
    body.error.message = `${body.error.message ?? ''} (you sent ${sent.join(' and ')})`;
    return { ...response, body: JSON.stringify(body) };
  } catch {
    return response;
  }
}

function bearerToken(headers: Readonly<Record<string, string>>): string | undefined {
  return /^\s*bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1];
}

/** What Google answers for an IAM denial: the permission, the resource, and no hint of existence. */
function iamDenied(route: Route, name: string): ModelResponse {
  const permission = `${route.profile.id}.operations.${route.method.verb}`;
  return errorResponse(
    'PERMISSION_DENIED',
    `Permission '${permission}' denied on resource '//${route.profile.host}/${name}' (or it may not exist).`,
    {
      reason: 'IAM_PERMISSION_DENIED',
      domain: 'iam.googleapis.com',
      metadata: { permission, resource: name },
    },
  );
}

function throttled(throttle: Throttle): ModelResponse {
  const status = throttle.status ?? 429;
  const headers = throttle.retryAfter === undefined ? {} : { 'retry-after': throttle.retryAfter };
  return status === 429
    ? errorResponse(
        'RESOURCE_EXHAUSTED',
        'Quota exceeded for quota metric "Requests" (stand-in).',
        { reason: 'RATE_LIMIT_EXCEEDED', domain: FRONT_END_DOMAIN },
        { headers },
      )
    : errorResponse(
        'UNAVAILABLE',
        'The service is currently unavailable (stand-in).',
        { reason: 'SERVICE_UNAVAILABLE', domain: FRONT_END_DOMAIN },
        { headers },
      );
}

function notFoundJson(): ModelResponse {
  return errorResponse('NOT_FOUND', 'Not found (stand-in).', {
    reason: 'ROUTE_NOT_FOUND',
    domain: FRONT_END_DOMAIN,
  });
}

function fromModel(response: ModelResponse): PlainResponse {
  return {
    status: response.status,
    headers: response.headers,
    ...(response.body === undefined ? {} : { body: JSON.stringify(response.body) }),
  };
}

/** The page Google's front end serves for a URL no API binds. */
function htmlNotFound(path: string): PlainResponse {
  const escaped = path.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return {
    status: 404,
    headers: { 'content-type': 'text/html; charset=UTF-8' },
    body: `<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <title>Error 404 (Not Found)!!1</title>\n  <p><b>404.</b> <ins>That’s an error.</ins>\n  <p>The requested URL <code>${escaped}</code> was not found on this server.  <ins>That’s all we know.</ins>\n`,
  };
}
