/**
 * Conformant servers that differ from the reference in ways the documentation allows. The
 * self-test runs each and requires every cell PASS or NOT_APPLICABLE and exit 0: a check that
 * fails one of them is as much a defect as a check that cannot fail. Like a fault, a variant sits
 * between the adapters and the behaviour model (docs/decisions/0003).
 */
import { matchName, parseSegmentsTemplate } from '#specs';
import type { CancelMode } from '../../control/index.ts';
import type { ModelRequest, ModelResponse } from '../model/model-request.ts';
import type { ReferenceModel } from '../msw.ts';
import {
  envelope,
  type Handle,
  htmlPage,
  isCancel,
  isControl,
  isGetOperation,
  mapJsonBody,
  mapOperation,
  nameOf,
} from './fault.ts';

export interface ReferenceVariant {
  readonly id: string;
  readonly description: string;
  /** The documentation that allows it. */
  readonly allowedBy: string;
  readonly cancelMode?: CancelMode;
  readonly install: (model: ReferenceModel) => Handle;
}

/** The same JSON value with its object keys in reverse order, at every depth. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, member]) => [key, reversedKeys(member)]),
  );
}

/** Whether the operation belongs to a service whose page words the success body "empty". */
function hasEmptyWording(model: ReferenceModel, name: string): boolean {
  const serviceId = model.serviceOf(name);
  return model.profiles.some(
    (profile) => profile.id === serviceId && profile.successBody.wording === 'empty',
  );
}

/** The transient answers `sheds-load` gives, in turn: each status with and without Retry-After. */
const SHED_ANSWERS: readonly (() => ModelResponse)[] = [
  () => shed(503, 'UNAVAILABLE', 'The service is currently unavailable.', '1'),
  () => shed(429, 'RESOURCE_EXHAUSTED', 'Too many requests: slow down.'),
  () => shed(429, 'RESOURCE_EXHAUSTED', 'Too many requests: slow down.', '2'),
  () => shed(503, 'UNAVAILABLE', 'The service is currently unavailable.'),
];

function shed(code: number, status: string, message: string, retryAfter?: string): ModelResponse {
  const answer = envelope(code, status, message);
  return retryAfter === undefined
    ? answer
    : { ...answer, headers: { ...answer.headers, 'retry-after': retryAfter } };
}

/**
 * Sheds the first of every three identical requests to the operations surface (the same method,
 * path and body), so that the repeat of a shed request is served whoever else asks meanwhile;
 * the control endpoint is never shed.
 */
function shedsLoad(model: ReferenceModel): Handle {
  const seen = new Map<string, number>();
  let turn = 0;
  return (request: ModelRequest) => {
    if (isControl(request)) return model.handle(request);
    const key = `${request.method} ${request.path} ${request.body ?? ''}`;
    const count = seen.get(key) ?? 0;
    seen.set(key, count + 1);
    if (count % 3 !== 0) return model.handle(request);
    const answer = SHED_ANSWERS[turn % SHED_ANSWERS.length];
    turn += 1;
    return answer?.();
  };
}

export const REFERENCE_VARIANTS: readonly ReferenceVariant[] = [
  {
    id: 'keys-reversed',
    description: 'every JSON answer lists its object keys in reverse order',
    allowedBy: 'RFC 8259 section 4: an object is an unordered collection of name/value pairs',
    install: (model) => (request) =>
      mapJsonBody(model.handle(request), (body) => reversedKeys(body) as Record<string, unknown>),
  },
  {
    id: 'nulls-for-unset-fields',
    description:
      'Operations spell unset error, response and metadata as null; envelopes spell absent details as null',
    allowedBy:
      'proto3 JSON mapping (https://protobuf.dev/programming-guides/json/): null is accepted for all field types and treated as the default value',
    install: (model) => (request) => {
      const response = model.handle(request);
      if (isControl(request)) return response;
      return mapJsonBody(response, (body) => {
        if (typeof body.error === 'object' && 'status' in (body.error ?? {})) {
          return { error: { details: null, ...(body.error as object) } };
        }
        if (typeof body.name !== 'string') return body;
        return { error: null, response: null, ...body };
      });
    },
  },
  {
    id: 'done-omitted-while-running',
    description: 'a running Operation omits `done` instead of sending false',
    allowedBy: 'proto3 JSON mapping: fields with default values are omitted by default',
    install: (model) => (request) => {
      const response = model.handle(request);
      if (!isGetOperation(request)) return response;
      return mapOperation(response, ({ done, ...operation }) =>
        done === true ? { done, ...operation } : operation,
      );
    },
  },
  {
    id: 'legacy-errors-array',
    description: 'error envelopes also carry the legacy `errors` array some Google front ends send',
    allowedBy:
      "AIP-193 defines the fields a client reads; the proto3 JSON mapping lets parsers ignore unknown fields, and Google's client libraries do",
    install: (model) => (request) =>
      mapJsonBody(model.handle(request), (body) => {
        const error = body.error as Record<string, unknown> | undefined;
        if (typeof error?.status !== 'string') return body;
        return {
          error: {
            ...error,
            errors: [{ message: error.message, domain: 'global', reason: 'backendError' }],
          },
        };
      }),
  },
  {
    id: 'extra-operation-fields',
    description: 'Operations carry a field google.longrunning.Operation does not define',
    allowedBy:
      "the proto3 JSON mapping lets parsers ignore unknown fields, and Google's client libraries do (a warning, never a failure)",
    install: (model) => (request) => {
      const response = model.handle(request);
      if (!isGetOperation(request)) return response;
      return mapOperation(response, (operation) => ({
        ...operation,
        selfLink: `https://example.invalid/${String(operation.name)}`,
      }));
    },
  },
  {
    id: 'empty-cancel-answers-204',
    description:
      'where the page says the response body is empty, a successful cancel answers 204 No Content',
    allowedBy: 'the pages of adsdatahub and checks: "If successful, the response body is empty."',
    install: (model) => (request) => {
      const response = model.handle(request);
      if (!isCancel(request) || response?.status !== 200) return response;
      if (!hasEmptyWording(model, nameOf(request))) return response;
      return { status: 204, headers: {}, body: undefined };
    },
  },
  {
    id: 'repeated-cancel-refused-as-failed-precondition',
    description: 'a cancel of an operation that is already done answers 400 FAILED_PRECONDITION',
    allowedBy:
      'the pages do not say what a second cancel answers; google/rpc/code.proto: FAILED_PRECONDITION is for a request the state of the system forbids',
    install: (model) => (request) =>
      isCancel(request) && model.operation(nameOf(request))?.done === true
        ? envelope(400, 'FAILED_PRECONDITION', 'The operation is already done.')
        : model.handle(request),
  },
  {
    id: 'sheds-load',
    description:
      'sheds the first of every three identical requests to the operations surface, in turn with 503 UNAVAILABLE and 429 RESOURCE_EXHAUSTED, each with and without Retry-After',
    allowedBy:
      'google/rpc/code.proto: UNAVAILABLE "is most likely a transient condition, which can be corrected by retrying with a backoff"; RFC 6585 section 4 (429 Too Many Requests) and RFC 9110 section 10.2.3 (Retry-After); Google\'s clients retry CancelOperation and GetOperation on UNAVAILABLE (gax-nodejs operations_client_config.json)',
    install: shedsLoad,
  },
  {
    id: 'unrouted-paths-answer-html-404',
    description:
      'a path no binding routes (a malformed name of the wrong shape) is answered with an HTML 404 page, as Google front ends answer it',
    allowedBy:
      'google/api/http.proto: only paths that fit a binding reach the method; what a front end answers for others is its own (Google answers an HTML 404 page)',
    install: (model) => (request) => model.handle(request) ?? htmlPage(404),
  },
  {
    id: 'body-star-refuses-empty-string',
    description:
      'where the cancel binding reads the body (`body: "*"`), a cancel whose body is the JSON string `""` is refused with 400 INVALID_ARGUMENT: it is no CancelOperationRequest',
    allowedBy:
      'google/api/http.proto: with `body: "*"` the body is the request message; google-gax sends `""` only for bindings without a body',
    install: (model) => (request) =>
      isCancel(request) &&
      request.body?.trim() === '""' &&
      cancelBodyRule(model, nameOf(request)) === '*'
        ? envelope(
            400,
            'INVALID_ARGUMENT',
            'Invalid JSON payload received. Unknown name "": Root element must be a message.',
          )
        : model.handle(request),
  },
  {
    id: 'body-ignored-where-binding-has-none',
    description:
      'where the cancel binding has no body, the cancel body is not read at all: unknown fields in it are ignored',
    allowedBy:
      'google/api/http.proto: without `body`, every request field is bound from the path or the query, so a body carries nothing the method reads',
    install: (model) => (request) =>
      isCancel(request) && request.body !== undefined && cancelBodyRuleOf(model, request) === 'none'
        ? model.handle({ ...request, body: undefined })
        : model.handle(request),
  },
];

/** The cancel body rule of the service whose binding the cancel's name fits, if any. */
function cancelBodyRule(model: ReferenceModel, name: string): 'none' | '*' | undefined {
  const serviceId = model.serviceOf(name);
  return model.profiles.find((profile) => profile.id === serviceId)?.cancel.body;
}

/**
 * The cancel body rule of the binding a cancel request's path fits, by the service whose name
 * template it fits (a name nobody minted, such as a probe, included).
 */
function cancelBodyRuleOf(
  model: ReferenceModel,
  request: Parameters<Handle>[0],
): 'none' | '*' | undefined {
  const name = nameOf(request);
  return (
    cancelBodyRule(model, name) ??
    model.profiles.find((profile) => matchName(parseSegmentsTemplate(profile.nameTemplate), name))
      ?.cancel.body
  );
}

export function referenceVariant(id: string): ReferenceVariant | undefined {
  return REFERENCE_VARIANTS.find((variant) => variant.id === id);
}

/**
 * Conformant servers that differ in how they answer over HTTP rather than in what they answer:
 * a server that sheds load, a server that answers one request at a time. The embedded target has
 * no wire and its own clock, so the self-test serves each over loopback HTTP in front of the
 * reference (tools/testing/serve-reference.ts) and runs `--target URL` against it: the path a
 * real server's answers take, with the URL target's retries and time limits. Every cell must be
 * PASS or NOT_APPLICABLE, exit 0, as for the variants above.
 */
export interface ServingVariant {
  readonly id: string;
  readonly description: string;
  readonly allowedBy: string;
  /** The variant of the model behind the server, if any. */
  readonly variant?: string;
  /** The server answers one request at a time, each after this many milliseconds. */
  readonly oneAtATimeMs?: number;
  /** Flags of the self-test's run, to keep it short (see each entry). */
  readonly runFlags: readonly string[];
}

export const REFERENCE_SERVING_VARIANTS: readonly ServingVariant[] = [
  {
    id: 'sheds-load-over-http',
    description:
      'the `sheds-load` variant over HTTP: 503 and 429 answers, with Retry-After waits in real time',
    allowedBy: 'as for `sheds-load`',
    variant: 'sheds-load',
    runFlags: ['--settle', '500'],
  },
  {
    id: 'answers-one-at-a-time',
    description:
      'answers one request at a time, each after 120 ms: the last of the 16 requests a run keeps in flight waits about 2 s',
    allowedBy:
      'no page promises a response time; a server with one worker is as conformant as one with many',
    oneAtATimeMs: 120,
    // A floor of 1 s for a 120 ms server stands for the default 10 s for a 1.2 s one, ten
    // times faster; two services keep the serial run under a minute.
    runFlags: ['--request-timeout', '1000', '--service', 'checks,datafusion', '--settle', '500'],
  },
];
